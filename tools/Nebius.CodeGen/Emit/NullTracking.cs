using Nebius.CodeGen.Analysis;
using Nebius.CodeGen.Naming;

namespace Nebius.CodeGen.Emit;

/// <summary>
/// Deviation from Kiota: for properties the spec marks nullable, a JSON <c>null</c> and an absent
/// property stay distinguishable, in both directions, through an <c>ExplicitNulls</c> set of wire names.
/// </summary>
internal static class NullTracking
{
    public static bool HasOwn(ModelType model) => model.Properties.Any(p => p.Nullable);

    /// <summary>This class or an ancestor tracks explicit nulls.</summary>
    public static bool Tracks(ModelType model) => HasOwn(model) || model.Base is not null && Tracks(model.Base);

    private static bool Defines(ModelType model) => HasOwn(model) && (model.Base is null || !Tracks(model.Base));

    public static void WriteMembers(CodeWriter writer, ModelType model)
    {
        if (!Defines(model))
        {
            if (model.Base is null)
            {
                writer.Line($"ISet<string>? {ModelRuntime.Model}.RecordedNulls => null;");
            }

            return;
        }

        writer.Line("// Deviation from Kiota: nullable properties keep JSON null apart from \"absent\".");
        writer.Line($"private {ModelRuntime.NullSet}? _explicitNulls;");
        writer.Summary("Wire names of nullable properties that are JSON null rather than absent: filled when a response is read; add a name to send an explicit null.");
        writer.Line($"public ISet<string> ExplicitNulls => _explicitNulls ??= new {ModelRuntime.NullSet}();");
        writer.Line("private protected bool IsExplicitNull(string wireName) => _explicitNulls is not null && _explicitNulls.Contains(wireName);");
        writer.Line($"ISet<string>? {ModelRuntime.Model}.RecordedNulls => _explicitNulls is {{ Count: > 0 }} ? _explicitNulls : null;");
    }

    /// <summary>Records which nullable properties were present as JSON null once the fields are assigned.</summary>
    public static void WriteCollector(CodeWriter writer, ModelType model)
    {
        if (!HasOwn(model))
        {
            return;
        }

        var modifier = Defines(model) ? "private protected virtual" : "private protected override";
        writer.Summary("Marks the nullable properties that the parse node holds as JSON null (they stay null after assignment).");
        writer.Open($"{modifier} void CollectExplicitNulls(IParseNode parseNode)");
        if (!Defines(model))
        {
            writer.Line("base.CollectExplicitNulls(parseNode);");
        }

        foreach (var property in model.Properties.Where(p => p.Nullable).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            // The child must really be JSON null: a property left null by a value it could not read
            // (an unknown enum value, kept raw) is present but not an explicit null.
            var key = Literals.Quote(property.WireName);
            writer.Line($"if({property.Name} is null && {ModelRuntime.Hooks}.IsJsonNull(parseNode, {key})) ExplicitNulls.Add({key});");
        }

        writer.Close();
    }
}
