using System.Globalization;
using Nebius.CodeGen.Analysis;

namespace Nebius.CodeGen.Emit;

/// <summary>
/// The generated public surface (kiota-dom-export.txt), derived from the analysed client in one place rather than
/// written beside each emitted line: one line per public type and member the emitters write. The stock Kiota
/// client's export is compared with it (tests/Nebius.ReferenceClient.Tests), and the surface snapshot shows any
/// change, so a public member added to an emitter is listed here too.
/// </summary>
internal static class SurfaceFromModel
{
    public static string List(ClientModel client)
    {
        var surface = new SurfaceListing();
        foreach (var type in client.Types)
        {
            switch (type)
            {
                case ModelType model:
                    AddModel(surface, model);
                    break;
                case UnionType union:
                    AddUnion(surface, union);
                    break;
                case EnumType enumType:
                    AddEnum(surface, enumType);
                    break;
            }
        }

        BuilderSurface.Add(surface, client.Root);
        return surface.ToString();
    }

    private static void AddModel(SurfaceListing surface, ModelType model)
    {
        var name = model.DottedName;
        var isRoot = model.Base is null;
        var holdsAdditionalData = isRoot && model.AdditionalData;
        if (model.Base is { } parent)
        {
            surface.Inherits(name, parent.FullName);
        }
        else if (model.IsError)
        {
            surface.Inherits(name, "ApiException");
        }

        surface.Implements(name, holdsAdditionalData ? ["IAdditionalDataHolder", "IParsable"] : ["IParsable"]);
        if (holdsAdditionalData)
        {
            surface.Member(name, "|public|AdditionalData:IDictionary<string, object>");
        }

        foreach (var property in model.Properties)
        {
            surface.Member(name, $"|public|{property.Name}:{TypeSyntax.Surface(TypeSyntax.Nullable(property.Type))}");
        }

        if (isRoot && model.IsError)
        {
            surface.Member(name, "|public|Message:string");
        }

        if (model.DeclaresExplicitNulls())
        {
            surface.Member(name, "|public|ExplicitNulls:ISet<string>");
        }

        if (model.DeclaresUnknownEnumValues())
        {
            surface.Member(name, "|public|UnknownEnumValues:IReadOnlyDictionary<string, string>");
        }

        var overridable = isRoot ? "public" : "public|override";
        surface.Member(name, "|public|constructor():void");
        surface.Member(name, $"|static|public|CreateFromDiscriminatorValue(parseNode:IParseNode):{name}");
        surface.Member(name, $"|{overridable}|GetFieldDeserializers():IDictionary<string, Action<IParseNode>>");
        surface.Member(name, $"|{overridable}|Serialize(writer:ISerializationWriter):void");
    }

    private static void AddUnion(SurfaceListing surface, UnionType union)
    {
        var name = union.DottedName;
        surface.Implements(name, ["IComposedTypeWrapper", "IParsable"]);
        foreach (var member in union.Members)
        {
            surface.Member(name, $"|public|{member.Name}:{TypeSyntax.Surface(TypeSyntax.Nullable(member.Type))}");

            // One implicit conversion per member type; members of the same type share it.
            surface.Member(name, $"|static|public|implicit operator({TypeSyntax.Surface(TypeSyntax.Declared(member.Type))}):{name}");
        }

        surface.Member(name, $"|static|public|CreateFromDiscriminatorValue(parseNode:IParseNode):{name}");
        surface.Member(name, "|public|GetFieldDeserializers():IDictionary<string, Action<IParseNode>>");
        surface.Member(name, "|public|Serialize(writer:ISerializationWriter):void");
    }

    private static void AddEnum(SurfaceListing surface, EnumType enumType)
    {
        // Kiota numbers enum members in declaration order.
        for (var i = 0; i < enumType.Members.Count; i++)
        {
            surface.Member(enumType.DottedName, $"{i.ToString("D4", CultureInfo.InvariantCulture)}-{enumType.Members[i].Name}");
        }
    }
}
