using Nebius.CodeGen.Analysis;

namespace Nebius.CodeGen.Emit;

/// <summary>
/// Deviation from Kiota: an enum value this client does not know is not dropped. The raw string is kept
/// (readable through <c>UnknownEnumValues</c>) and written back when the property is left unset.
/// </summary>
internal static class UnknownEnumTracking
{
    private static bool HasOwn(ModelType model) => model.Properties.Any(p => p.Type is NamedRef { Type: EnumType });

    private static bool Tracks(ModelType model) => HasOwn(model) || model.Base is not null && Tracks(model.Base);

    public static void WriteMembers(CodeWriter writer, ModelType model)
    {
        if (!HasOwn(model) || model.Base is not null && Tracks(model.Base))
        {
            return;
        }

        writer.Line("// Deviation from Kiota: enum values unknown to this client survive a round trip.");
        writer.Line("private Dictionary<string, string>? _unknownEnumValues;");
        writer.Summary("Enum values received that this client does not know, by wire name; each is sent back unchanged while its property stays unset.");
        writer.Line("public IReadOnlyDictionary<string, string> UnknownEnumValues => _unknownEnumValues ??= new Dictionary<string, string>(StringComparer.Ordinal);");
        writer.Line("private protected void RememberUnknownEnumValue(string wireName, string? rawValue) { if(rawValue is not null) (_unknownEnumValues ??= new Dictionary<string, string>(StringComparer.Ordinal))[wireName] = rawValue; }");
        writer.Line("private protected bool TryGetUnknownEnumValue(string wireName, out string rawValue) { rawValue = string.Empty; return _unknownEnumValues is not null && _unknownEnumValues.TryGetValue(wireName, out rawValue!); }");
    }
}
