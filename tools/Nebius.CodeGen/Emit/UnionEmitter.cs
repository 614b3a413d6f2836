using Nebius.CodeGen.Analysis;
using Nebius.CodeGen.Naming;

namespace Nebius.CodeGen.Emit;

/// <summary>
/// Writes a oneOf/anyOf wrapper in Kiota's IComposedTypeWrapper shape. Deviations (each commented in
/// the output): members are chosen by the JSON value kind (and a discriminator where one exists) instead
/// of Kiota's probes that never pick objects; object members are parsed whole, so unknown fields land in
/// their AdditionalData; an empty wrapper writes null; and each member type converts implicitly.
/// </summary>
internal static class UnionEmitter
{
    private static readonly string[] Usings =
    [
        "Microsoft.Kiota.Abstractions", "Microsoft.Kiota.Abstractions.Extensions", "Microsoft.Kiota.Abstractions.Helpers",
        "Microsoft.Kiota.Abstractions.Serialization", "System", "System.Collections.Generic", "System.IO", "System.Linq",
    ];

    public static string Emit(UnionType union)
    {
        var writer = FileFrame.Begin(union.Namespace, Usings);
        writer.Summary(Literals.Doc(union.Description) is { Length: > 0 } doc ? doc : "Composed type wrapper for classes " + Literals.Doc(string.Join(", ", union.Members.Select(m => TypeSyntax.Surface(TypeSyntax.Declared(m.Type))))));
        writer.Line(FileFrame.GeneratedCodeAttribute);
        writer.Open($"public partial class {union.Name} : IComposedTypeWrapper, IParsable, {ModelRuntime.Union}");
        foreach (var member in union.Members.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase))
        {
            var type = TypeSyntax.Nullable(member.Type);
            writer.Summary($"Composed type representation for type {TypeReference(member.Type)}");
            writer.Line($"public {type} {member.Name} {{ get; set; }}");
        }

        WriteConversions(writer, union);
        WriteFactory(writer, union);
        writer.Summary("The deserialization information for the current model");
        writer.Line("/// <returns>A IDictionary&lt;string, Action&lt;IParseNode&gt;&gt;</returns>");
        writer.Line("// Deviation: members are parsed whole in the factory, so there is nothing left to assign here.");
        writer.Line("public virtual IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>();");
        WriteSerializer(writer, union);
        UnionDirectReadEmitter.Write(writer, union);
        writer.Close();
        return FileFrame.End(writer);
    }

    /// <summary>
    /// A doc reference to the member type. An array type such as <c>byte[]</c> (base64 members) is not a
    /// valid cref (CS1584, an error in the package build), so it is written as code instead.
    /// </summary>
    private static string TypeReference(TypeRef type) =>
        Cref(type) is var cref && cref.EndsWith("[]", StringComparison.Ordinal) ? $"<c>{cref}</c>" : $"<see cref=\"{cref}\"/>";

    private static string Cref(TypeRef type) => type switch
    {
        ArrayRef => "List{T}",
        _ => TypeSyntax.Declared(type).Replace("<", "{", StringComparison.Ordinal).Replace(">", "}", StringComparison.Ordinal).Replace("?", string.Empty, StringComparison.Ordinal),
    };

    private static void WriteConversions(CodeWriter writer, UnionType union)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in union.Members.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            var type = TypeSyntax.Declared(member.Type);
            if (!seen.Add(type))
            {
                continue;
            }

            writer.Summary($"Wraps a {TypeReference(member.Type)} (deviation from Kiota: lets callers assign the member value directly).");
            writer.Line($"public static implicit operator {union.FullName}({type} value) => new {union.FullName} {{ {member.Name} = value }};");
        }
    }

    private static void WriteFactory(CodeWriter writer, UnionType union)
    {
        writer.Summary("Creates a new instance of the appropriate class based on discriminator value");
        writer.Line($"/// <returns>A <see cref=\"{union.FullName}\"/></returns>");
        writer.Line("/// <param name=\"parseNode\">The parse node to use to read the discriminator value and create the object</param>");
        writer.Open($"public static {union.FullName} CreateFromDiscriminatorValue(IParseNode parseNode)");
        writer.Line("if(ReferenceEquals(parseNode, null)) throw new ArgumentNullException(nameof(parseNode));");
        writer.Line($"var result = new {union.FullName}();");
        if (union.DiscriminatorProperty is { } discriminator && union.DiscriminatorMapping.Count > 0)
        {
            writer.Line($"var mappingValue = parseNode.GetChildNode({Literals.Quote(discriminator)})?.GetStringValue();");
            writer.Open("switch(mappingValue)");
            foreach (var (value, model) in union.DiscriminatorMapping)
            {
                var member = union.Members.FirstOrDefault(m => m.Type is NamedRef n && n.Type == model);
                if (member is not null)
                {
                    writer.Line($"case {Literals.Quote(value)}: result.{member.Name} = {TypeSyntax.Read(member.Type, "parseNode")}; return result;");
                }
            }

            writer.Close();
            writer.Line("// An unknown discriminator value falls through to the value-kind probe below.");
        }

        writer.Line("// Deviation from Kiota: the member is chosen by the JSON value kind.");
        writer.Open($"switch({ModelRuntime.Probes}.KindOf(parseNode))");
        WriteStringCase(writer, union);
        WriteNumberCase(writer, union);
        WriteSimpleCase(writer, union, "Boolean", union.Members.Where(m => m.Type is PrimitiveRef { Kind: PrimitiveKind.Boolean }));
        WriteObjectCase(writer, union);
        WriteArrayCase(writer, union);
        writer.Close();
        writer.Line("return result;");
        writer.Close();
    }

    private static UnionMember? CatchAll(UnionType union) =>
        union.Members.FirstOrDefault(m => m.Type is PrimitiveRef { Kind: PrimitiveKind.Untyped });

    private static void WriteStringCase(CodeWriter writer, UnionType union)
    {
        var enums = union.Members.Where(m => m.Type is NamedRef { Type: EnumType }).ToList();
        var text = union.Members.FirstOrDefault(m => m.Type is PrimitiveRef { Kind: PrimitiveKind.String });
        var formatted = union.Members.Where(m => m.Type is PrimitiveRef { Kind: PrimitiveKind.DateTimeOffset or PrimitiveKind.Guid or PrimitiveKind.Date or PrimitiveKind.Time or PrimitiveKind.TimeSpan or PrimitiveKind.Bytes }).ToList();
        var fallback = text ?? CatchAll(union);
        if (enums.Count == 0 && formatted.Count == 0 && fallback is null)
        {
            return;
        }

        writer.Line($"case {JsonKind("String")}:");
        writer.Line("{");
        writer.Line("    var text = parseNode.GetStringValue()!;");
        var prefix = string.Empty;
        foreach (var member in enums)
        {
            var enumType = ((NamedRef)member.Type).Type.FullName;
            writer.Line($"    {prefix}if(EnumHelpers.GetEnumValue<{enumType}>(text) is {enumType} {Names.FirstLower(member.Name)}Value) result.{member.Name} = {Names.FirstLower(member.Name)}Value;");
            prefix = "else ";
        }

        foreach (var member in formatted)
        {
            // Kiota's Guid, TimeSpan and base64 readers throw on a string of another shape rather than
            // returning null, so each format is tried through TryRead and a miss falls to the next member.
            writer.Line($"    {prefix}if({ModelRuntime.Probes}.TryRead(parseNode, static n => {TypeSyntax.Read(member.Type, "n")}, out var {Names.FirstLower(member.Name)}Value)) result.{member.Name} = {Names.FirstLower(member.Name)}Value;");
            prefix = "else ";
        }

        if (fallback is not null)
        {
            var value = fallback == text ? "text" : TypeSyntax.Read(fallback.Type, "parseNode");
            writer.Line($"    {prefix}result.{fallback.Name} = {value};");
        }

        writer.Line("    break;");
        writer.Line("}");
    }

    private static void WriteNumberCase(CodeWriter writer, UnionType union)
    {
        var integers = union.Members.Where(m => m.Type is PrimitiveRef { Kind: PrimitiveKind.Long or PrimitiveKind.Int }).ToList();
        var reals = union.Members.Where(m => m.Type is PrimitiveRef { Kind: PrimitiveKind.Double or PrimitiveKind.Float or PrimitiveKind.Decimal }).ToList();
        var fallback = CatchAll(union);
        if (integers.Count == 0 && reals.Count == 0 && fallback is null)
        {
            return;
        }

        writer.Line($"case {JsonKind("Number")}:");
        if (integers.Count > 0 && reals.Count > 0)
        {
            writer.Line($"    if({ModelRuntime.Probes}.IsIntegral(parseNode)) result.{integers[0].Name} = {TypeSyntax.Read(integers[0].Type, "parseNode")};");
            writer.Line($"    else result.{reals[0].Name} = {TypeSyntax.Read(reals[0].Type, "parseNode")};");
        }
        else
        {
            var member = integers.FirstOrDefault() ?? reals.FirstOrDefault() ?? fallback!;
            writer.Line($"    result.{member.Name} = {TypeSyntax.Read(member.Type, "parseNode")};");
        }

        writer.Line("    break;");
    }

    private static void WriteSimpleCase(CodeWriter writer, UnionType union, string kind, IEnumerable<UnionMember> candidates)
    {
        var member = candidates.FirstOrDefault() ?? CatchAll(union);
        if (member is null)
        {
            return;
        }

        writer.Line($"case {JsonKind(kind)}:");
        writer.Line($"    result.{member.Name} = {TypeSyntax.Read(member.Type, "parseNode")};");
        writer.Line("    break;");
    }

    private static void WriteObjectCase(CodeWriter writer, UnionType union)
    {
        var objects = union.Members.Where(m => m.Type is NamedRef { Type: ModelType or UnionType }).ToList();
        var fallback = CatchAll(union);
        if (objects.Count == 0 && fallback is null)
        {
            return;
        }

        writer.Line($"case {JsonKind("Object")}:");
        if (objects.Count <= 1)
        {
            var member = objects.FirstOrDefault() ?? fallback!;
            writer.Line($"    result.{member.Name} = {TypeSyntax.Read(member.Type, "parseNode")};");
            writer.Line("    break;");
            return;
        }

        // Several object shapes and no usable discriminator: the first whose required properties are
        // all present wins; shapes with no required property are tried last.
        var ordered = objects.OrderBy(m => RequiredOf(m).Count == 0 ? 1 : 0).ThenByDescending(m => RequiredOf(m).Count).ToList();
        var prefix = string.Empty;
        foreach (var member in ordered.Where(m => RequiredOf(m).Count > 0))
        {
            var condition = string.Join(" && ", RequiredOf(member).Select(r => $"parseNode.GetChildNode({Literals.Quote(r)}) is not null"));
            writer.Line($"    {prefix}if({condition}) result.{member.Name} = {TypeSyntax.Read(member.Type, "parseNode")};");
            prefix = "else ";
        }

        var last = ordered.FirstOrDefault(m => RequiredOf(m).Count == 0) ?? ordered[0];
        writer.Line($"    {prefix}result.{last.Name} = {TypeSyntax.Read(last.Type, "parseNode")};");
        writer.Line("    break;");
    }

    private static List<string> RequiredOf(UnionMember member)
    {
        var required = new List<string>();
        for (var model = (member.Type as NamedRef)?.Type as ModelType; model is not null; model = model.Base)
        {
            required.AddRange(model.Properties.Where(p => p.Required).Select(p => p.WireName));
        }

        return required;
    }

    private static void WriteArrayCase(CodeWriter writer, UnionType union)
    {
        var arrays = union.Members.Where(m => m.Type is ArrayRef).ToList();
        var fallback = CatchAll(union);
        if (arrays.Count == 0 && fallback is null)
        {
            return;
        }

        writer.Line($"case {JsonKind("Array")}:");
        if (arrays.Count <= 1)
        {
            var member = arrays.FirstOrDefault() ?? fallback!;
            writer.Line($"    result.{member.Name} = {TypeSyntax.Read(member.Type, "parseNode")};");
            writer.Line("    break;");
            return;
        }

        // Several array shapes: the first element's kind decides; an empty array takes the first shape.
        writer.Open($"    switch({ModelRuntime.Probes}.FirstElementKind(parseNode))");
        var used = new HashSet<UnionMember>();
        foreach (var (kind, match) in new (string, Func<TypeRef, bool>)[]
        {
            ("String", t => t is PrimitiveRef { Kind: PrimitiveKind.String } or NamedRef { Type: EnumType }),
            ("Number", t => t is PrimitiveRef { Kind: PrimitiveKind.Int or PrimitiveKind.Long or PrimitiveKind.Double or PrimitiveKind.Float or PrimitiveKind.Decimal }),
            ("Boolean", t => t is PrimitiveRef { Kind: PrimitiveKind.Boolean }),
            ("Object", t => t is NamedRef { Type: ModelType or UnionType }),
        })
        {
            var member = arrays.FirstOrDefault(a => match(((ArrayRef)a.Type).Item));
            if (member is not null)
            {
                used.Add(member);
                writer.Line($"    case {JsonKind(kind)}: result.{member.Name} = {TypeSyntax.Read(member.Type, "parseNode")}; break;");
            }
        }

        var other = arrays.FirstOrDefault(a => ((ArrayRef)a.Type).Item is PrimitiveRef { Kind: PrimitiveKind.Untyped }) ?? fallback;
        if (other is not null)
        {
            writer.Line($"    case {JsonKind("Array")}: result.{other.Name} = {TypeSyntax.Read(other.Type, "parseNode")}; break;");
        }

        writer.Line($"    default: result.{arrays[0].Name} = {TypeSyntax.Read(arrays[0].Type, "parseNode")}; break;");
        writer.Close();
        writer.Line("    break;");
    }

    private static string JsonKind(string kind) => $"{ModelRuntime.JsonKind}.{kind}";

    private static void WriteSerializer(CodeWriter writer, UnionType union)
    {
        writer.Summary("Serializes information the current object");
        writer.Line("/// <param name=\"writer\">Serialization writer to use to serialize this model</param>");
        writer.Open("public virtual void Serialize(ISerializationWriter writer)");
        writer.Line("if(ReferenceEquals(writer, null)) throw new ArgumentNullException(nameof(writer));");
        var prefix = string.Empty;
        foreach (var member in union.Members)
        {
            writer.Line($"{prefix}if({member.Name} != null) {TypeSyntax.Write(member.Type, "null", member.Name)}");
            prefix = "else ";
        }

        writer.Line("// Deviation: an empty wrapper writes JSON null rather than a property with no value.");
        writer.Line($"{prefix}writer.WriteNullValue(null);");
        writer.Close();
    }
}
