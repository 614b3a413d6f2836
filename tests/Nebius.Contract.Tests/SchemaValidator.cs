using System.Text.Json.Nodes;
using NJsonSchema;

namespace Nebius.Contract.Tests;

/// <summary>
/// Validates JSON against a schema of the contract with NJsonSchema. NJsonSchema reads draft 4–7, so the
/// OpenAPI 3.1 schemas are first lowered to that dialect: <c>const</c> becomes a one-value <c>enum</c>,
/// references point into <c>definitions</c>, and OpenAPI-only keywords (discriminator, examples) go.
/// </summary>
internal static class SchemaValidator
{
    private static readonly Lazy<JsonObject> Definitions = new(() => (JsonObject)Lower(ContractFiles.Spec["components"]!["schemas"]!.DeepClone())!);

    public static async Task<IReadOnlyList<string>> ValidateAsync(JsonNode schema, string json)
    {
        // Wrapped in allOf: in draft 4-7 a "$ref" hides its siblings, and "definitions" must stay visible.
        var root = new JsonObject
        {
            ["allOf"] = new JsonArray(Lower(schema.DeepClone())),
            ["definitions"] = Definitions.Value.DeepClone(),
        };
        var compiled = await JsonSchema.FromJsonAsync(root.ToJsonString());
        return [.. compiled.Validate(json).Select(error => $"{error.Path}: {error.Kind} {error.Property}")];
    }

    private static JsonNode? Lower(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var lowered = new JsonObject();
                foreach (var (key, value) in obj.ToList())
                {
                    obj.Remove(key);
                    switch (key)
                    {
                        case "const":
                            lowered["enum"] = new JsonArray(value);
                            break;
                        case "$ref":
                            lowered["$ref"] = value!.GetValue<string>().Replace("#/components/schemas/", "#/definitions/", StringComparison.Ordinal);
                            break;
                        case "discriminator" or "examples" or "example" or "externalDocs" or "xml" or "contentMediaType" or "contentEncoding":
                            break;
                        case "properties" or "definitions":
                            // Property names are data, not keywords: lower their schemas only.
                            var map = new JsonObject();
                            foreach (var (name, child) in value!.AsObject().ToList())
                            {
                                value.AsObject().Remove(name);
                                map[name] = Lower(child);
                            }

                            lowered[key] = map;
                            break;
                        case var extension when extension.StartsWith("x-", StringComparison.Ordinal):
                            break;
                        default:
                            lowered[key] = Lower(value);
                            break;
                    }
                }

                return lowered;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array.ToList())
                {
                    array.Remove(item);
                    items.Add(Lower(item));
                }

                return items;
            default:
                return node;
        }
    }
}
