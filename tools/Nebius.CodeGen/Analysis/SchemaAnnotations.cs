using System.Text.Json.Nodes;

namespace Nebius.CodeGen.Analysis;

/// <summary>
/// The keywords that annotate a schema rather than shape it: <c>description</c>, <c>readOnly</c>,
/// <c>deprecated</c>, <c>default</c> (and <c>nullable</c>, passed in because the <c>type</c> list and the
/// composition can make a schema nullable too).
/// </summary>
internal readonly record struct SchemaAnnotations(string? Description, bool ReadOnly, bool Deprecated, string? DefaultValue)
{
    public static SchemaAnnotations Of(JsonObject schema) => new(
        schema.Str("description"),
        schema.Bool("readOnly"),
        schema.Bool("deprecated"),
        schema.TryGetPropertyValue("default", out var defaultNode) ? defaultNode.ScalarText() : null);

    /// <summary>A <c>$ref</c> with sibling keywords: the siblings speak for this use of the component, so they win.</summary>
    public ResolvedSchema Over(ResolvedSchema target, bool nullable) => target with
    {
        Description = Description ?? target.Description,
        Nullable = target.Nullable || nullable,
        ReadOnly = ReadOnly || target.ReadOnly,
        Deprecated = Deprecated || target.Deprecated,
        DefaultValue = DefaultValue ?? target.DefaultValue,
    };

    /// <summary>An inline schema: a value the schema fixes itself (a <c>const</c>, a one-value <c>enum</c>) wins over its <c>default</c>.</summary>
    public ResolvedSchema On(ResolvedSchema resolved, bool nullable) => resolved with
    {
        Nullable = nullable || resolved.Nullable,
        Description = Description ?? resolved.Description,
        DefaultValue = resolved.DefaultValue ?? DefaultValue,
        ReadOnly = ReadOnly || resolved.ReadOnly,
        Deprecated = Deprecated || resolved.Deprecated,
    };
}
