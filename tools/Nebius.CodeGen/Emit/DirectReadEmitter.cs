using Nebius.CodeGen.Analysis;
using Nebius.CodeGen.Naming;

namespace Nebius.CodeGen.Emit;

/// <summary>
/// Deviation from Kiota: models also read themselves straight from a <c>Utf8JsonReader</c>, so the
/// library fills a response without a <c>JsonDocument</c> or a parse node per value. Each model gets a
/// <c>ReadField</c> (a switch on the wire name: a JSON null is recorded, a value of the expected kind is
/// read directly) and a static <c>ReadJson</c> (its discriminator honoured). A value of another kind, or
/// of a type read no other way, goes to Kiota's own node through the model's <c>GetFieldDeserializers</c>
/// (the runtime's <c>KiotaFallback</c>), so results stay Kiota's. The loop that drives them is compiled
/// code of the package (<see cref="ModelRuntime"/>).
/// </summary>
internal static class DirectReadEmitter
{
    private const string Reader = ModelRuntime.Utf8Reader;
    private const string Token = ModelRuntime.Token;

    /// <summary>Writes the model's <c>ReadField</c>.</summary>
    public static void WriteFieldReader(CodeWriter writer, ModelType model)
    {
        if (model.Base is null)
        {
            writer.Line($"bool {ModelRuntime.Model}.ReadField(scoped ReadOnlySpan<char> wireName, ref {Reader} reader) => ReadField(wireName, ref reader);");
        }

        writer.Summary("Deviation from Kiota: reads the field named <paramref name=\"wireName\"/> straight from <paramref name=\"reader\"/>; a JSON null is recorded, a value of another kind, or of a type not read directly, goes to Kiota's node.");
        writer.Line("/// <returns>Whether the field is known.</returns>");
        writer.Line("/// <param name=\"wireName\">The JSON property name.</param>");
        writer.Line("/// <param name=\"reader\">The reader, on the value's first token.</param>");
        var modifier = model.Base is null ? "private protected virtual" : "private protected override";
        var unknown = model.Base is null ? "false" : "base.ReadField(wireName, ref reader)";
        var signature = $"{modifier} bool ReadField(scoped ReadOnlySpan<char> wireName, ref {Reader} reader)";
        if (model.Properties.Count == 0)
        {
            writer.Line($"{signature} => {unknown};");
            return;
        }

        writer.Open(signature);
        writer.Open("switch(wireName)");
        foreach (var property in model.Properties.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var key = Literals.Quote(property.WireName);

            // A JSON null assigns nothing, as in Kiota; a nullable property records it unless a repeated key already gave a value.
            var onNull = property.Nullable
                ? $"if(reader.TokenType == {Token}.Null) {{ if({property.Name} is null) ExplicitNulls.Add({key}); return true; }}"
                : $"if(reader.TokenType == {Token}.Null) return true;";
            // A type read only by Kiota's node: what that node cannot read, or reads as null, is kept as it came.
            var read = DirectRead(property)
                ?? $"var start = reader; if({ModelRuntime.Fallback}.Assign(this, wireName, ref reader) && {property.Name} is not null) return true; reader = start;";
            // A value it cannot read leaves the property as it was (its default, or an earlier value of a repeated key) and is kept below.
            writer.Line($"case {key}: {{ {onNull} {read} break; }}");
        }

        writer.Line($"default: return {unknown};");
        writer.Close();
        writer.Line("// Deviation from Kiota: a value of the wrong kind, or out of range, is kept in AdditionalData rather than dropped.");
        writer.Line($"return {ModelRuntime.Reader}.KeepMismatched(this, wireName, ref reader);");
        writer.Close();
    }

    /// <summary>
    /// Writes the model's static <c>ReadJson</c> (a new model from the value the reader is on: the
    /// discriminator picks the subtype) and <c>ReadNew</c>, the instance door to it the runtime uses when it
    /// holds only a factory.
    /// </summary>
    public static void WriteReaders(CodeWriter writer, ModelType model)
    {
        writer.Line($"IParsable {ModelRuntime.Model}.ReadNew(ref {Reader} reader) => ReadJson(ref reader);");
        writer.Summary("Deviation from Kiota: a new model read straight from the value <paramref name=\"reader\"/> is on; leaves the reader on the value's last token.");
        writer.Line($"/// <returns>A <see cref=\"{model.FullName}\"/></returns>");
        writer.Line("/// <param name=\"reader\">The reader, on the value's first token.</param>");
        var modifier = model.Base is null ? "internal static" : "internal static new";
        writer.Open($"{modifier} {model.FullName} ReadJson(ref {Reader} reader)");
        writer.Line($"if(reader.TokenType != {Token}.StartObject) return {ModelRuntime.Fallback}.Read(ref reader, CreateFromDiscriminatorValue);");
        if (model.DiscriminatorProperty is { } discriminator && model.DiscriminatorMapping.Count > 0)
        {
            writer.Open($"switch({ModelRuntime.Reader}.PeekString(reader, {Literals.Quote(discriminator)}u8))");
            foreach (var (value, derived) in model.DiscriminatorMapping)
            {
                writer.Line($"case {Literals.Quote(value)}: return {derived.FullName}.ReadJson(ref reader);");
            }

            writer.Close();
        }

        writer.Line($"return {ModelRuntime.Reader}.ReadFields(ref reader, new {model.FullName}());");
        writer.Close();
    }

    /// <summary>The statements that read the field directly and return true, or leave the reader where it was for a value they cannot read; null when it always goes to Kiota's node.</summary>
    private static string? DirectRead(ModelProperty property)
    {
        var name = property.Name;
        var key = Literals.Quote(property.WireName);
        return property.Type switch
        {
            PrimitiveRef { Kind: PrimitiveKind.String } =>
                $"if(reader.TokenType == {Token}.String) {{ {name} = reader.GetString(); return true; }}",
            PrimitiveRef { Kind: PrimitiveKind.Boolean } =>
                $"if(reader.TokenType is {Token}.True or {Token}.False) {{ {name} = reader.GetBoolean(); return true; }}",
            PrimitiveRef { Kind: PrimitiveKind.Int or PrimitiveKind.Long or PrimitiveKind.Float or PrimitiveKind.Double } p =>
                $"if(reader.TokenType == {Token}.Number && {ModelRuntime.Scalars}.TryGetNumber(ref reader, out {TypeSyntax.Primitive(p.Kind)} value)) {{ {name} = value; return true; }}",
            PrimitiveRef { Kind: PrimitiveKind.DateTimeOffset } =>
                $"if(reader.TokenType == {Token}.String && reader.TryGetDateTimeOffset(out var value)) {{ {name} = value; return true; }}",
            PrimitiveRef { Kind: PrimitiveKind.Guid } =>
                $"if(reader.TokenType == {Token}.String && reader.TryGetGuid(out var value)) {{ {name} = value; return true; }}",
            NamedRef { Type: EnumType e } =>
                $"if(reader.TokenType == {Token}.String) {{ var raw = reader.GetString()!; {name} = global::Microsoft.Kiota.Abstractions.Helpers.EnumHelpers.GetEnumValue<{e.FullName}>(raw); if({name} is null) RememberUnknownEnumValue({key}, raw); return true; }}",
            NamedRef { Type: ModelType m } =>
                $"if(reader.TokenType == {Token}.StartObject) {{ {name} = {m.FullName}.ReadJson(ref reader); return true; }}",
            NamedRef { Type: UnionType u } =>
                $"if({ModelRuntime.Reader}.TryReadUnion(ref reader, {u.FullName}.ReadJson, out var union)) {{ {name} = union; return true; }}",
            ArrayRef { Item: NamedRef { Type: ModelType m } } =>
                $"if({ModelRuntime.Reader}.TryReadModels(ref reader, {m.FullName}.ReadJson, out var list)) {{ {name} = list; return true; }}",
            ArrayRef { Item: NamedRef { Type: UnionType u } } =>
                $"if({ModelRuntime.Reader}.TryReadUnions(ref reader, {u.FullName}.ReadJson, out var list)) {{ {name} = list; return true; }}",
            ArrayRef { Item: PrimitiveRef { Kind: PrimitiveKind.String } } =>
                $"if({ModelRuntime.Scalars}.TryReadStrings(ref reader, out var list)) {{ {name} = list; return true; }}",
            ArrayRef { Item: PrimitiveRef { Kind: PrimitiveKind.Int or PrimitiveKind.Long or PrimitiveKind.Float or PrimitiveKind.Double } p } =>
                $"if({ModelRuntime.Scalars}.TryReadNumbers<{TypeSyntax.Primitive(p.Kind)}>(ref reader, out var list)) {{ {name} = list; return true; }}",
            _ => null,
        };
    }
}
