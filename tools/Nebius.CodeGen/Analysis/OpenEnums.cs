using System.Text.Json.Nodes;

namespace Nebius.CodeGen.Analysis;

/// <summary>
/// Deviation from Kiota: an <c>anyOf</c> whose members are all strings, some with fixed values and at least one
/// without, is an open enum: a plain string whose known values are documented, not a union wrapper.
/// </summary>
internal static class OpenEnums
{
    /// <summary>The known values when the members make an open enum; null otherwise.</summary>
    public static List<string>? KnownValues(List<(JsonNode? Node, string Pointer)> members, SchemaResolver schemas)
    {
        var known = new List<string>();
        var acceptsOthers = false;
        foreach (var (node, pointer) in members)
        {
            if (node is not JsonObject member)
            {
                return null;
            }

            if (member.Str("$ref") is { } reference)
            {
                if (schemas.ResolveReference(reference, pointer) is { Type: NamedRef { Type: EnumType enumType } })
                {
                    known.AddRange(enumType.Members.Select(m => m.Value));
                    continue;
                }

                return null;
            }

            var types = TypeKeyword.Read(member, out _);
            if (types is not ["string"] || member.Str("format") is not null && member.Arr("enum") is null)
            {
                return null;
            }

            if (member.Arr("enum") is { } values)
            {
                known.AddRange(values.Select(v => v.ScalarText()).OfType<string>());
            }
            else if (member.TryGetPropertyValue("const", out var constant) && constant.ScalarText() is { } constText)
            {
                known.Add(constText);
            }
            else
            {
                acceptsOthers = true;
            }
        }

        return acceptsOthers ? known.Distinct(StringComparer.Ordinal).ToList() : null;
    }
}
