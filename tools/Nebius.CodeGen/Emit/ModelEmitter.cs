using Nebius.CodeGen.Analysis;
using Nebius.CodeGen.Naming;

namespace Nebius.CodeGen.Emit;

/// <summary>Writes a model class in Kiota's no-backing-store shape, plus our two documented deviations.</summary>
internal static class ModelEmitter
{
    private static readonly string[] Usings =
    [
        "Microsoft.Kiota.Abstractions", "Microsoft.Kiota.Abstractions.Extensions", "Microsoft.Kiota.Abstractions.Serialization",
        "System", "System.Collections.Generic", "System.IO", "System.Threading.Tasks",
    ];

    public static string Emit(ModelType model)
    {
        var writer = FileFrame.Begin(model.Namespace, Usings);
        var isError = PropertyNames.IsError(model);
        var interfaces = new List<string>();
        if (model.Base is null && isError)
        {
            interfaces.Add("ApiException");
        }
        else if (model.Base is not null)
        {
            interfaces.Add(model.Base.FullName);
        }

        var holdsAdditionalData = model.Base is null && model.AdditionalData;
        var declared = new List<string>();
        if (holdsAdditionalData)
        {
            declared.Add("IAdditionalDataHolder");
        }

        declared.Add("IParsable");
        interfaces.AddRange(declared);
        // Internal, so it is no part of the public surface. Every class lists it, so that each re-implements
        // ReadNew with its own ReadJson; ReadField is one virtual chain behind the root's implementation.
        interfaces.Add(ModelRuntime.Model);

        var description = Literals.Doc(model.Description);
        writer.Summary(description);
        writer.Line(FileFrame.GeneratedCodeAttribute);
        if (model.Deprecated)
        {
            writer.Line("[Obsolete(\"This schema is deprecated in the API description.\")]");
        }

        // As in Kiota: a type without a description in the spec has its missing-doc warning suppressed.
        FileFrame.Declaration(writer, $"public partial class {model.Name} : {string.Join(", ", interfaces)}", description.Length == 0);
        if (holdsAdditionalData)
        {
            // Deviation from Kiota: the dictionary is made on first use, not in the constructor, so reading a
            // response allocates one only for the objects that carry properties the spec does not describe.
            writer.Line("private IDictionary<string, object>? _additionalData;");
            writer.Summary("Stores additional data not described in the OpenAPI description found when deserializing. Can be used for serialization as well.");
            writer.Line("public IDictionary<string, object> AdditionalData { get => _additionalData ??= new Dictionary<string, object>(); set => _additionalData = value; }");
            writer.Line($"IDictionary<string, object>? {ModelRuntime.Model}.AdditionalDataIfAny => _additionalData;");
        }
        else if (model.Base is null)
        {
            writer.Line($"IDictionary<string, object>? {ModelRuntime.Model}.AdditionalDataIfAny => null;");
        }

        foreach (var property in model.Properties.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
        {
            WriteProperty(writer, property);
        }

        if (isError && model.Base is null)
        {
            WriteMessageOverride(writer, model);
        }

        NullTracking.WriteMembers(writer, model);
        UnknownEnumTracking.WriteMembers(writer, model);
        WriteConstructor(writer, model);
        WriteFactory(writer, model);
        WriteDeserializers(writer, model);
        DirectReadEmitter.WriteFieldReader(writer, model);
        DirectReadEmitter.WriteReaders(writer, model);
        WriteSerializer(writer, model, holdsAdditionalData);
        NullTracking.WriteCollector(writer, model);
        writer.Close();
        return FileFrame.End(writer);
    }

    private static void WriteProperty(CodeWriter writer, ModelProperty property)
    {
        var doc = Literals.Doc(property.Description);
        if (property.KnownValues is { Count: > 0 } known)
        {
            // Deviation from Kiota: an open enum is a plain string; its known values are documented.
            doc = (doc.Length > 0 ? doc + " " : string.Empty) + Literals.Doc("Known values: " + string.Join(", ", known) + "; others may appear.");
        }

        writer.Summary(doc.Length > 0 ? doc : $"The {Literals.Doc(property.WireName)} property");
        if (property.Deprecated)
        {
            writer.Line("[Obsolete(\"This property is deprecated in the API description.\")]");
        }

        var type = TypeSyntax.Nullable(property.Type);
        var setter = property.ReadOnly ? "private set; " : "set; ";
        writer.Line($"public {type} {property.Name} {{ get; {setter}}}");
    }

    private static void WriteMessageOverride(CodeWriter writer, ModelType model)
    {
        var primary = model.PrimaryErrorMessageProperty is { } wire
            ? model.Properties.FirstOrDefault(p => p.WireName == wire && p.Type is PrimitiveRef { Kind: PrimitiveKind.String })
            : null;
        writer.Summary("The primary error message.");
        writer.Line(primary is null
            ? "public override string Message { get => base.Message; }"
            : $"public override string Message {{ get => {primary.Name} ?? string.Empty; }}");
    }

    private static void WriteConstructor(CodeWriter writer, ModelType model)
    {
        writer.Summary($"Instantiates a new <see cref=\"{model.FullName}\"/> and sets the default values.");
        writer.Open(model.Base is null ? $"public {model.Name}()" : $"public {model.Name}() : base()");
        foreach (var property in model.Properties.Where(p => p.DefaultValue is not null && !p.ReadOnly).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
        {
            var value = property.Type is NamedRef { Type: EnumType enumType }
                ? $"{enumType.FullName}.{enumType.Members.First(m => m.Value == property.DefaultValue).Name}"
                : Literals.Quote(property.DefaultValue!);
            writer.Line($"{property.Name} = {value};");
        }

        writer.Close();
    }

    private static void WriteFactory(CodeWriter writer, ModelType model)
    {
        writer.Summary("Creates a new instance of the appropriate class based on discriminator value");
        writer.Line($"/// <returns>A <see cref=\"{model.FullName}\"/></returns>");
        writer.Line("/// <param name=\"parseNode\">The parse node to use to read the discriminator value and create the object</param>");
        var modifier = model.Base is null ? "public static" : "public static new";
        writer.Open($"{modifier} {model.FullName} CreateFromDiscriminatorValue(IParseNode parseNode)");
        writer.Line("if(ReferenceEquals(parseNode, null)) throw new ArgumentNullException(nameof(parseNode));");
        if (model.DiscriminatorProperty is { } discriminator && model.DiscriminatorMapping.Count > 0)
        {
            writer.Line($"var mappingValue = parseNode.GetChildNode({Literals.Quote(discriminator)})?.GetStringValue();");
            writer.Open("switch(mappingValue)");
            foreach (var (value, derived) in model.DiscriminatorMapping)
            {
                // Deviation: the subtype's own factory runs, so its null tracking is attached too.
                writer.Line($"case {Literals.Quote(value)}: return {derived.FullName}.CreateFromDiscriminatorValue(parseNode);");
            }

            writer.Close();
        }

        if (NullTracking.Tracks(model))
        {
            writer.Line($"var result = new {model.FullName}();");
            writer.Line($"{ModelRuntime.Hooks}.AfterFieldsAssigned(parseNode, result, static (node, model) => model.CollectExplicitNulls(node));");
            writer.Line("return result;");
        }
        else
        {
            writer.Line($"return new {model.FullName}();");
        }

        writer.Close();
    }

    private static void WriteDeserializers(CodeWriter writer, ModelType model)
    {
        writer.Summary("The deserialization information for the current model");
        writer.Line("/// <returns>A IDictionary&lt;string, Action&lt;IParseNode&gt;&gt;</returns>");
        var modifier = model.Base is null ? "public virtual" : "public override";
        writer.Open($"{modifier} IDictionary<string, Action<IParseNode>> GetFieldDeserializers()");
        writer.Line(model.Base is null
            ? "return new Dictionary<string, Action<IParseNode>>"
            : "return new Dictionary<string, Action<IParseNode>>(base.GetFieldDeserializers())");
        writer.Line("{");
        foreach (var property in model.Properties.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var key = Literals.Quote(property.WireName);
            if (property.Type is NamedRef { Type: EnumType })
            {
                writer.Line($"    {{ {key}, n => {{ {property.Name} = {TypeSyntax.Read(property.Type, "n")}; if({property.Name} is null) RememberUnknownEnumValue({key}, n.GetStringValue()); }} }},");
            }
            else
            {
                writer.Line($"    {{ {key}, n => {{ {property.Name} = {TypeSyntax.Read(property.Type, "n")}; }} }},");
            }
        }

        writer.Line("};");
        writer.Close();
    }

    private static void WriteSerializer(CodeWriter writer, ModelType model, bool holdsAdditionalData)
    {
        writer.Summary("Serializes information the current object");
        writer.Line("/// <param name=\"writer\">Serialization writer to use to serialize this model</param>");
        var modifier = model.Base is null ? "public virtual" : "public override";
        writer.Open($"{modifier} void Serialize(ISerializationWriter writer)");
        writer.Line("if(ReferenceEquals(writer, null)) throw new ArgumentNullException(nameof(writer));");
        if (model.Base is not null)
        {
            writer.Line("base.Serialize(writer);");
        }

        foreach (var property in model.Properties.Where(p => !p.ReadOnly).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var key = Literals.Quote(property.WireName);
            var write = TypeSyntax.Write(property.Type, key, property.Name);
            if (property.Type is NamedRef { Type: EnumType })
            {
                writer.Line($"if({property.Name} is null && TryGetUnknownEnumValue({key}, out var {Names.FirstLower(property.Name)}Raw)) writer.WriteStringValue({key}, {Names.FirstLower(property.Name)}Raw);");
                write = "else " + write;
                if (property.Nullable)
                {
                    writer.Line($"else if({property.Name} is null && IsExplicitNull({key})) writer.WriteNullValue({key});");
                }
            }
            else if (property.Nullable)
            {
                writer.Line($"if({property.Name} is null && IsExplicitNull({key})) writer.WriteNullValue({key});");
                write = "else " + write;
            }

            writer.Line(write);
        }

        if (holdsAdditionalData)
        {
            writer.Line("if(_additionalData is not null) writer.WriteAdditionalData(_additionalData);");
        }

        writer.Close();
    }
}
