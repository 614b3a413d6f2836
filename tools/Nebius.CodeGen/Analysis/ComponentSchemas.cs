using System.Text.Json.Nodes;
using Nebius.CodeGen.Spec;

namespace Nebius.CodeGen.Analysis;

/// <summary>
/// The spec's component schemas (<c>#/components/schemas</c>): their names, the C# type name each one gets, and
/// which one a schema's <c>$ref</c> names.
/// </summary>
internal sealed class ComponentSchemas
{
    public const string Prefix = "#/components/schemas/";

    private readonly JsonObject? _schemas;
    private readonly Dictionary<string, string> _typeNames;

    public ComponentSchemas(JsonObject root, string modelsNamespace, TypeRegistry registry)
    {
        _schemas = root.Obj("components")?.Obj("schemas");
        _typeNames = ComponentTypeNames.Reserve(All.ToList(), modelsNamespace, registry);
    }

    /// <summary>The component names in document order.</summary>
    public IEnumerable<string> All => _schemas.Entries().Select(entry => entry.Key);

    public JsonNode? Schema(string name) => _schemas![name];

    public string TypeName(string name) => _typeNames[name];

    /// <summary>The component a schema's <c>$ref</c> names; a schema may only reference a component schema.</summary>
    /// <param name="reference">The <c>$ref</c> value.</param>
    /// <param name="pointer">Where the reference is, for error messages.</param>
    public string NameIn(string reference, string pointer)
    {
        if (!reference.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new SpecException(pointer, $"only references to {Prefix}… are supported in schemas, found '{reference}'");
        }

        var name = ReferenceFollower.Unescape(reference[Prefix.Length..]);
        if (_schemas?.ContainsKey(name) != true)
        {
            throw new SpecException(pointer, $"reference '{reference}' does not resolve");
        }

        return name;
    }
}
