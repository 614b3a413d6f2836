using System.Text.Json.Nodes;

namespace Nebius.CodeGen.Spec;

/// <summary>
/// Finds schema positions that hold something other than an object or a boolean (a quoted flow mapping,
/// a stray string). Microsoft.OpenApi 3.11 crashes with a NullReferenceException on those instead of
/// reporting them, so they are caught here first, with their JSON pointer.
/// </summary>
internal static class SchemaShapeCheck
{
    private static readonly string[] SchemaMaps = ["properties", "patternProperties", "$defs"];
    private static readonly string[] SchemaLists = ["anyOf", "oneOf", "allOf", "prefixItems"];
    private static readonly string[] SingleSchemas = ["items", "additionalProperties", "not", "contains", "if", "then", "else"];

    public static IEnumerable<SpecDiagnostic> Find(JsonObject root)
    {
        foreach (var (name, schema) in root["components"]?["schemas"] as JsonObject ?? [])
        {
            foreach (var problem in Check(schema, $"#/components/schemas/{YamlToJson.EscapePointer(name)}"))
            {
                yield return problem;
            }
        }

        foreach (var (path, item) in root["paths"] as JsonObject ?? [])
        {
            var pathPointer = "#/paths/" + YamlToJson.EscapePointer(path);
            foreach (var (member, value) in item as JsonObject ?? [])
            {
                foreach (var (pointer, schema) in OperationSchemas(value, $"{pathPointer}/{YamlToJson.EscapePointer(member)}"))
                {
                    foreach (var problem in Check(schema, pointer))
                    {
                        yield return problem;
                    }
                }
            }
        }
    }

    private static IEnumerable<(string Pointer, JsonNode? Schema)> OperationSchemas(JsonNode? operation, string pointer)
    {
        if (operation is not JsonObject op)
        {
            yield break;
        }

        if (op["parameters"] is JsonArray parameters)
        {
            for (var i = 0; i < parameters.Count; i++)
            {
                if (parameters[i] is JsonObject parameter && parameter.ContainsKey("schema"))
                {
                    yield return ($"{pointer}/parameters/{i}/schema", parameter["schema"]);
                }
            }
        }

        foreach (var (pointerToContent, content) in Contents(op, pointer))
        {
            foreach (var (mediaType, media) in content)
            {
                if (media is JsonObject mediaObject && mediaObject.ContainsKey("schema"))
                {
                    yield return ($"{pointerToContent}/{YamlToJson.EscapePointer(mediaType)}/schema", mediaObject["schema"]);
                }
            }
        }
    }

    private static IEnumerable<(string Pointer, JsonObject Content)> Contents(JsonObject operation, string pointer)
    {
        if (operation["requestBody"]?["content"] is JsonObject body)
        {
            yield return ($"{pointer}/requestBody/content", body);
        }

        foreach (var (status, response) in operation["responses"] as JsonObject ?? [])
        {
            if (response?["content"] is JsonObject content)
            {
                yield return ($"{pointer}/responses/{YamlToJson.EscapePointer(status)}/content", content);
            }
        }
    }

    private static IEnumerable<SpecDiagnostic> Check(JsonNode? node, string pointer)
    {
        if (node is JsonValue value && value.TryGetValue<bool>(out _))
        {
            yield break;
        }

        if (node is not JsonObject schema)
        {
            yield return new SpecDiagnostic(pointer, $"a schema must be a mapping or a boolean, found {Describe(node)}");
            yield break;
        }

        foreach (var key in SchemaMaps)
        {
            foreach (var (name, child) in schema[key] as JsonObject ?? [])
            {
                foreach (var problem in Check(child, $"{pointer}/{key}/{YamlToJson.EscapePointer(name)}"))
                {
                    yield return problem;
                }
            }
        }

        foreach (var key in SchemaLists)
        {
            if (schema[key] is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    foreach (var problem in Check(list[i], $"{pointer}/{key}/{i}"))
                    {
                        yield return problem;
                    }
                }
            }
        }

        foreach (var key in SingleSchemas)
        {
            if (schema.ContainsKey(key))
            {
                foreach (var problem in Check(schema[key], $"{pointer}/{key}"))
                {
                    yield return problem;
                }
            }
        }
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "a list",
        JsonValue value when value.TryGetValue<string>(out var text) => $"the string '{(text.Length > 40 ? text[..40] + "…" : text)}'",
        _ => node.ToJsonString(),
    };
}
