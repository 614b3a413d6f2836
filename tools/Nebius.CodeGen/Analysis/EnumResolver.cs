using System.Globalization;
using System.Text.Json.Nodes;
using Nebius.CodeGen.Naming;

namespace Nebius.CodeGen.Analysis;

/// <summary>An <c>enum</c> keyword: a C# enum of its string values, a fixed string, or a primitive for number enums.</summary>
internal sealed class EnumResolver(SchemaResolver schemas)
{
    public ResolvedSchema Resolve(JsonObject schema, JsonArray values, List<string> types, string pointer, NameHint hint)
    {
        var allowsNull = false;
        var strings = new List<string>();
        foreach (var value in values)
        {
            if (value is null)
            {
                allowsNull = true;
                continue;
            }

            if (value.ScalarText() is { } text && (types.Count == 0 || types.Contains("string")))
            {
                strings.Add(text);
            }
        }

        if (types.Count > 0 && !types.Contains("string"))
        {
            // Integer or number enums stay primitives: their values are not names.
            return new ResolvedSchema(PrimitiveFormats.For(types[0], schema.Str("format"))) { Nullable = allowsNull };
        }

        if (strings.Count == 1)
        {
            return new ResolvedSchema(new PrimitiveRef(PrimitiveKind.String)) { DefaultValue = strings[0], Nullable = allowsNull };
        }

        var enumType = schemas.Declare(new EnumType(hint.Namespace, schemas.TypeNameFor(hint), pointer), hint);
        enumType.Description = schema.Str("description");
        var memberNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in strings.Distinct(StringComparer.Ordinal))
        {
            var baseName = Names.EnumMemberName(value);
            var name = baseName;
            for (var n = 2; !memberNames.Add(name); n++)
            {
                name = baseName + n.ToString(CultureInfo.InvariantCulture);
            }

            enumType.Members.Add(new EnumMember(name, value));
        }

        return new ResolvedSchema(new NamedRef(enumType)) { Nullable = allowsNull };
    }
}
