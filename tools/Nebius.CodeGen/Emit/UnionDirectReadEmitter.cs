using Nebius.CodeGen.Analysis;
using Nebius.CodeGen.Naming;

namespace Nebius.CodeGen.Emit;

/// <summary>
/// Deviation from Kiota: a union's static <c>ReadJson</c>, the direct path's reading of a union value (see
/// <see cref="DirectReadEmitter"/>). It reads directly the cases where the union's factory makes one member
/// from the value without a choice to make: a string when the only string member is a plain string, a
/// number when there is one numeric member, a boolean, one array shape of strings, numbers or models, one
/// object member, or an object whose discriminator names a member. Anything else goes through the factory
/// and Kiota's node over the value; what that node cannot read leaves the union empty (<c>HasMember</c> false).
/// </summary>
internal static class UnionDirectReadEmitter
{
    private const string Token = ModelRuntime.Token;

    public static void Write(CodeWriter writer, UnionType union)
    {
        writer.Summary("Deviation from Kiota: the union read straight from the value <paramref name=\"reader\"/> is on (never a JSON null); leaves the reader on the value's last token.");
        writer.Line($"/// <returns>A <see cref=\"{union.FullName}\"/></returns>");
        writer.Line("/// <param name=\"reader\">The reader, on the value's first token.</param>");
        writer.Open($"internal static {union.FullName} ReadJson(ref {ModelRuntime.Utf8Reader} reader)");
        var cases = Cases(union).ToList();
        if (cases.Count > 0)
        {
            writer.Open("switch(reader.TokenType)");
            foreach (var (token, body) in cases)
            {
                writer.Line($"case {Token}.{token}: {{ {body} }}");
            }

            writer.Close();
        }

        writer.Line($"return {ModelRuntime.Fallback}.ReadOrEmpty(ref reader, CreateFromDiscriminatorValue);");
        writer.Close();
        var members = union.Members.Count == 0 ? "false" : string.Join(" || ", union.Members.Select(m => $"{m.Name} is not null"));
        writer.Line("// Deviation from Kiota: a union none of whose members could read the value is empty; the model holding it then keeps the raw value.");
        writer.Line($"bool {ModelRuntime.Union}.HasMember => {members};");
    }

    private static IEnumerable<(string Token, string Body)> Cases(UnionType union)
    {
        var members = union.Members;
        var catchAll = members.Any(m => m.Type is PrimitiveRef { Kind: PrimitiveKind.Untyped });
        var hasEnumOrFormat = members.Any(m => m.Type is NamedRef { Type: EnumType } or PrimitiveRef { Kind: PrimitiveKind.DateTimeOffset or PrimitiveKind.Guid or PrimitiveKind.Date or PrimitiveKind.Time or PrimitiveKind.TimeSpan or PrimitiveKind.Bytes });
        if (!hasEnumOrFormat && members.FirstOrDefault(m => m.Type is PrimitiveRef { Kind: PrimitiveKind.String }) is { } text)
        {
            yield return ("String", $"return new {union.FullName} {{ {text.Name} = reader.GetString() }};");
        }

        var numbers = members.Where(m => m.Type is PrimitiveRef { Kind: PrimitiveKind.Int or PrimitiveKind.Long or PrimitiveKind.Double or PrimitiveKind.Float or PrimitiveKind.Decimal }).ToList();
        if (numbers is [{ Type: PrimitiveRef { Kind: not PrimitiveKind.Decimal } number } numeric])
        {
            yield return ("Number", $"if({ModelRuntime.Scalars}.TryGetNumber(ref reader, out {TypeSyntax.Primitive(number.Kind)} number)) return new {union.FullName} {{ {numeric.Name} = number }}; break;");
        }

        if (members.FirstOrDefault(m => m.Type is PrimitiveRef { Kind: PrimitiveKind.Boolean }) is { } flag)
        {
            yield return ("True", $"return new {union.FullName} {{ {flag.Name} = true }};");
            yield return ("False", $"return new {union.FullName} {{ {flag.Name} = false }};");
        }

        if (members.Where(m => m.Type is ArrayRef).ToList() is [{ Type: ArrayRef array } list] && ArrayRead(array) is { } read)
        {
            // An element of another kind fits no member (Kiota's node would read it as null): the union stays empty.
            yield return ("StartArray", $"if({read}) return new {union.FullName} {{ {list.Name} = items }}; reader.Skip(); return new {union.FullName}();");
        }

        var objects = members.Where(m => m.Type is NamedRef { Type: ModelType or UnionType }).ToList();
        if (union.DiscriminatorProperty is { } discriminator && union.DiscriminatorMapping.Count > 0)
        {
            // As the factory: the member the discriminator names; an unknown value is left to the factory's probe.
            var mapped = union.DiscriminatorMapping
                .Select(pair => (pair.Key, Member: members.FirstOrDefault(m => m.Type is NamedRef n && n.Type == pair.Value)))
                .Where(pair => pair.Member is { Type: NamedRef { Type: ModelType } })
                .Select(pair => $"case {Literals.Quote(pair.Key)}: return new {union.FullName} {{ {pair.Member!.Name} = {((NamedRef)pair.Member.Type).Type.FullName}.ReadJson(ref reader) }};")
                .ToList();
            if (mapped.Count > 0)
            {
                yield return ("StartObject", $"switch({ModelRuntime.Reader}.PeekString(reader, {Literals.Quote(discriminator)}u8)) {{ {string.Join(" ", mapped)} }} break;");
            }
        }
        else if (!catchAll && objects is [{ Type: NamedRef { Type: ModelType model } } single])
        {
            yield return ("StartObject", $"return new {union.FullName} {{ {single.Name} = {model.FullName}.ReadJson(ref reader) }};");
        }
    }

    /// <summary>The condition that reads the array into <c>items</c>, or null when the array shape is not read directly.</summary>
    private static string? ArrayRead(ArrayRef array) => array.Item switch
    {
        PrimitiveRef { Kind: PrimitiveKind.String } => $"{ModelRuntime.Scalars}.TryReadStrings(ref reader, out var items)",
        PrimitiveRef { Kind: PrimitiveKind.Int or PrimitiveKind.Long or PrimitiveKind.Float or PrimitiveKind.Double } p => $"{ModelRuntime.Scalars}.TryReadNumbers<{TypeSyntax.Primitive(p.Kind)}>(ref reader, out var items)",
        NamedRef { Type: ModelType m } => $"{ModelRuntime.Reader}.TryReadModels(ref reader, {m.FullName}.ReadJson, out var items)",
        _ => null,
    };
}
