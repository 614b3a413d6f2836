using Nebius.CodeGen.Analysis;

namespace Nebius.CodeGen.Emit;

/// <summary>
/// Deviation from Kiota: a union's <c>TryReadJson</c>, the direct path's reading of a union value (see
/// <see cref="DirectReadEmitter"/>). It takes only the cases where the union's factory makes one member from
/// the value without a choice to make: a string when the only string member is a plain string, a number
/// when there is one numeric member, a boolean, one array shape of strings, numbers or models, one object
/// member. Anything else returns false and the value goes through the factory and a parse node.
/// </summary>
internal static class UnionDirectReadEmitter
{
    private const string Token = "global::System.Text.Json.JsonTokenType";

    public static void Write(CodeWriter writer, UnionType union, string supportClass)
    {
        writer.Summary("Deviation from Kiota: reads the value <paramref name=\"reader\"/> is on when the factory would make one member of it without a choice; false, with the reader unmoved, otherwise.");
        writer.Line("/// <returns>Whether the value was read.</returns>");
        writer.Line("/// <param name=\"reader\">The reader, on the value's first token (never a JSON null).</param>");
        writer.Line("/// <param name=\"context\">What the runtime supplies for the values not read directly.</param>");
        writer.Line("/// <param name=\"value\">The union read.</param>");
        writer.Open($"internal static bool TryReadJson(ref global::System.Text.Json.Utf8JsonReader reader, {supportClass}.JsonReadContext context, out {union.FullName} value)");
        writer.Line("value = null!;");
        var cases = Cases(union, supportClass).ToList();
        if (cases.Count > 0)
        {
            writer.Open("switch(reader.TokenType)");
            foreach (var (token, body) in cases)
            {
                writer.Line($"case {Token}.{token}: {{ {body} }}");
            }

            writer.Close();
        }

        writer.Line("return false;");
        writer.Close();
    }

    private static IEnumerable<(string Token, string Body)> Cases(UnionType union, string supportClass)
    {
        var members = union.Members;
        var catchAll = members.Any(m => m.Type is PrimitiveRef { Kind: PrimitiveKind.Untyped });
        var hasEnumOrFormat = members.Any(m => m.Type is NamedRef { Type: EnumType } or PrimitiveRef { Kind: PrimitiveKind.DateTimeOffset or PrimitiveKind.Guid or PrimitiveKind.Date or PrimitiveKind.Time or PrimitiveKind.TimeSpan or PrimitiveKind.Bytes });
        if (!hasEnumOrFormat && members.FirstOrDefault(m => m.Type is PrimitiveRef { Kind: PrimitiveKind.String }) is { } text)
        {
            yield return ("String", $"value = new {union.FullName} {{ {text.Name} = reader.GetString() }}; return true;");
        }

        var numbers = members.Where(m => m.Type is PrimitiveRef { Kind: PrimitiveKind.Int or PrimitiveKind.Long or PrimitiveKind.Double or PrimitiveKind.Float or PrimitiveKind.Decimal }).ToList();
        if (numbers is [{ Type: PrimitiveRef { Kind: not PrimitiveKind.Decimal } number } numeric])
        {
            yield return ("Number", $"if({supportClass}.TryGetNumber(ref reader, out {TypeSyntax.Primitive(number.Kind)} number)) {{ value = new {union.FullName} {{ {numeric.Name} = number }}; return true; }} break;");
        }

        if (members.FirstOrDefault(m => m.Type is PrimitiveRef { Kind: PrimitiveKind.Boolean }) is { } flag)
        {
            yield return ("True", $"value = new {union.FullName} {{ {flag.Name} = true }}; return true;");
            yield return ("False", $"value = new {union.FullName} {{ {flag.Name} = false }}; return true;");
        }

        if (members.Where(m => m.Type is ArrayRef).ToList() is [{ Type: ArrayRef array } list] && ArrayRead(array, supportClass) is { } read)
        {
            yield return ("StartArray", $"if({read}) {{ value = new {union.FullName} {{ {list.Name} = items }}; return true; }} break;");
        }

        var objects = members.Where(m => m.Type is NamedRef { Type: ModelType or UnionType }).ToList();
        if (union.DiscriminatorMapping.Count == 0 && !catchAll && objects is [{ Type: NamedRef { Type: ModelType model } } single])
        {
            yield return ("StartObject", $"value = new {union.FullName} {{ {single.Name} = {supportClass}.ReadObject(ref reader, context, {model.FullName}.CreateFromDiscriminatorValue) }}; return true;");
        }
    }

    /// <summary>The condition that reads the array into <c>items</c>, or null when the array shape is not read directly.</summary>
    private static string? ArrayRead(ArrayRef array, string supportClass) => array.Item switch
    {
        PrimitiveRef { Kind: PrimitiveKind.String } => $"{supportClass}.TryReadStrings(ref reader, out var items)",
        PrimitiveRef { Kind: PrimitiveKind.Int or PrimitiveKind.Long or PrimitiveKind.Float or PrimitiveKind.Double } p => $"{supportClass}.TryReadNumbers<{TypeSyntax.Primitive(p.Kind)}>(ref reader, out var items)",
        NamedRef { Type: ModelType m } => $"{supportClass}.ReadObjects(ref reader, context, {m.FullName}.CreateFromDiscriminatorValue) is var items",
        _ => null,
    };
}
