using System.Globalization;
using System.Text.Json.Nodes;

namespace Nebius.CodeGen.Analysis;

/// <summary>
/// <c>anyOf</c>/<c>oneOf</c>, and a <c>type</c> list such as <c>[string, integer]</c>: a nullable X, an open enum,
/// or a union wrapper with one property per member.
/// </summary>
internal sealed class CompositionResolver(SchemaResolver schemas, Discriminators discriminators)
{
    public ResolvedSchema Resolve(JsonObject schema, JsonArray composed, string pointer, NameHint hint)
    {
        var members = new List<(JsonNode? Node, string Pointer)>();
        var allowsNull = false;
        for (var i = 0; i < composed.Count; i++)
        {
            if (TypeKeyword.IsNullOnly(composed[i]))
            {
                allowsNull = true;
            }
            else
            {
                members.Add((composed[i], pointer.Child(i)));
            }
        }

        if (members.Count == 0)
        {
            return new ResolvedSchema(new PrimitiveRef(PrimitiveKind.Untyped)) { Nullable = true };
        }

        if (members.Count == 1 && schema.Obj("discriminator") is null)
        {
            // anyOf [X, null] is FastAPI's way of saying "nullable X".
            var single = schemas.Resolve(members[0].Node, members[0].Pointer, hint);
            return allowsNull ? single with { Nullable = true } : single;
        }

        if (OpenEnums.KnownValues(members, schemas) is { } known)
        {
            return new ResolvedSchema(new PrimitiveRef(PrimitiveKind.String)) { KnownValues = known, Nullable = allowsNull };
        }

        var union = schemas.Declare(new UnionType(hint.Namespace, schemas.TypeNameFor(hint), pointer), hint);
        union.Description = schema.Str("description");
        var memberNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++)
        {
            var memberHint = new NameHint(union.Namespace, $"{union.Name}Member{i + 1}");
            var type = schemas.Resolve(members[i].Node, members[i].Pointer, memberHint).Type;
            if (type is ArrayRef { Item: ArrayRef })
            {
                // Nested arrays have no Kiota collection API; they travel as UntypedNode (as in Kiota).
                type = new PrimitiveRef(PrimitiveKind.Untyped);
            }

            var name = MemberName(type);
            for (var n = 2; !memberNames.Add(name); n++)
            {
                name = MemberName(type) + n.ToString(CultureInfo.InvariantCulture);
            }

            union.Members.Add(new UnionMember(name, type));
        }

        discriminators.ApplyToUnion(union, schema.Obj("discriminator"), pointer);
        return new ResolvedSchema(new NamedRef(union)) { Nullable = allowsNull };
    }

    /// <summary>A <c>type</c> list of several types: a union of those primitives (arrays and objects untyped).</summary>
    public ResolvedSchema ResolveTypeList(List<string> types, string pointer, NameHint hint)
    {
        var union = schemas.Declare(new UnionType(hint.Namespace, schemas.TypeNameFor(hint), pointer), hint);
        foreach (var type in types)
        {
            TypeRef member = type switch
            {
                "array" => new ArrayRef(new PrimitiveRef(PrimitiveKind.Untyped)),
                "object" => new PrimitiveRef(PrimitiveKind.Untyped),
                _ => PrimitiveFormats.For(type, null),
            };
            var name = MemberName(member);
            if (union.Members.All(m => m.Name != name))
            {
                union.Members.Add(new UnionMember(name, member));
            }
        }

        return new ResolvedSchema(new NamedRef(union));
    }

    /// <summary>Kiota's union member names: the type's name, <c>Integer</c> for int, <c>…Values</c> for an array.</summary>
    private static string MemberName(TypeRef type) => type switch
    {
        PrimitiveRef { Kind: PrimitiveKind.Int } => "Integer",
        PrimitiveRef { Kind: PrimitiveKind.Untyped } => "UntypedNode",
        PrimitiveRef { Kind: PrimitiveKind.Bytes or PrimitiveKind.Binary } => "Binary",
        PrimitiveRef primitive => primitive.Kind.ToString(),
        NamedRef named => named.Type.Name,
        ArrayRef array => MemberName(array.Item) + "Values",
        _ => "Value",
    };
}
