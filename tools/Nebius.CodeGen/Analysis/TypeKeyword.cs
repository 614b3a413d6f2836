using System.Text.Json.Nodes;

namespace Nebius.CodeGen.Analysis;

/// <summary>
/// The <c>type</c> keyword, which OpenAPI 3.1 lets be a list: <c>"null"</c> in it means nullable rather than a
/// type of its own, and a schema that allows nothing but null is how a composition says "or null".
/// </summary>
internal static class TypeKeyword
{
    /// <summary>The types a schema names, without <c>"null"</c>; <paramref name="nullable"/> tells whether it was there.</summary>
    public static List<string> Read(JsonObject schema, out bool nullable)
    {
        nullable = false;
        var types = new List<string>();
        if (schema.TryGetPropertyValue("type", out var typeNode))
        {
            var entries = typeNode is JsonArray array ? array.ToList() : new List<JsonNode?> { typeNode };
            foreach (var entry in entries)
            {
                var text = entry.ScalarText();
                if (text == "null")
                {
                    nullable = true;
                }
                else if (text is not null)
                {
                    types.Add(text);
                }
            }
        }

        return types;
    }

    /// <summary>A schema whose only value is JSON null (<c>type: null</c>, <c>const: null</c>, <c>enum: [null]</c>).</summary>
    public static bool IsNullOnly(JsonNode? node) =>
        node is JsonObject obj
        && (obj.Str("type") == "null"
            || obj.Arr("type") is { Count: 1 } single && single[0].ScalarText() == "null"
            || obj.TryGetPropertyValue("const", out var constant) && constant is null
            || obj.Arr("enum") is { Count: 1 } onlyNull && onlyNull[0] is null);
}
