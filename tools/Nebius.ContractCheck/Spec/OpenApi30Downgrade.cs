using System.Text.Json.Nodes;

namespace Nebius.ContractCheck.Spec;

/// <summary>
/// Rewrites our OpenAPI 3.1 document into the 3.0 dialect NSwag understands, for the independent reference
/// client of the contract tests. NSwag 14 reads 3.1 files but turns every <c>anyOf: [X, {type: 'null'}]</c>
/// into a wrapper class and ignores <c>type: [X, 'null']</c>, so a nullable string query parameter would
/// be sent as an object. The rewrite keeps the meaning:
/// <list type="bullet">
/// <item><c>type: [X, 'null']</c> → <c>type: X, nullable: true</c>;</item>
/// <item>a null branch of <c>anyOf</c>/<c>oneOf</c> → <c>nullable: true</c>; a single remaining <c>$ref</c> becomes
/// <c>allOf: [$ref]</c>, a single inline branch is merged into its parent;</item>
/// <item><c>const</c> → a one-value <c>enum</c>; numeric <c>exclusiveMinimum/Maximum</c> → 3.0's boolean form;</item>
/// <item>3.1-only keys (<c>examples</c> arrays in schemas, <c>license.identifier</c>) are dropped.</item>
/// </list>
/// A real union (message content as text or parts, the response-format variants) has no NSwag type: it is
/// left untyped, so the reference client passes it through as raw JSON; our client's composed types are
/// then checked against the JSON it produces.
/// </summary>
internal static class OpenApi30Downgrade
{
    public static JsonObject Convert(JsonObject document)
    {
        var copy = document.DeepClone().AsObject();
        copy["openapi"] = "3.0.3";
        RenameReservedSchemas(copy);
        (copy["info"]?["license"] as JsonObject)?.Remove("identifier");
        Rewrite(copy);
        InlineUntypedComponents(copy);
        return copy;
    }

    /// <summary>
    /// A component left untyped (a union) would become an empty NSwag class that cannot hold a string or an
    /// array; every reference to it is replaced by the untyped schema itself, which NSwag maps to raw JSON.
    /// </summary>
    private static void InlineUntypedComponents(JsonObject document)
    {
        if (document["components"]?["schemas"] is not JsonObject schemas)
        {
            return;
        }

        var untyped = schemas
            .Where(s => s.Value is JsonObject o && !o.Any(p => p.Key is not ("description" or "nullable" or "x-nebius-evidence" or "title")))
            .ToDictionary(s => $"#/components/schemas/{s.Key}", s => s.Value!.AsObject());
        InlineReferences(document, untyped);
    }

    private static void InlineReferences(JsonNode? node, Dictionary<string, JsonObject> untyped)
    {
        if (node is JsonObject obj)
        {
            if (obj["$ref"] is JsonValue reference && untyped.TryGetValue(reference.GetValue<string>(), out var target))
            {
                obj.Remove("$ref");
                foreach (var (key, value) in target.Where(p => !obj.ContainsKey(p.Key)).ToList())
                {
                    obj[key] = value?.DeepClone();
                }
            }

            foreach (var child in obj.Select(p => p.Value).ToList())
            {
                InlineReferences(child, untyped);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                InlineReferences(item, untyped);
            }
        }
    }

    /// <summary>NSwag's own helper types; a component of the same name would be emitted twice.</summary>
    private static readonly string[] NSwagReservedNames = ["FileResponse", "FileParameter", "ApiException", "SwaggerResponse"];

    /// <summary>Component schemas named like NSwag's helpers get a <c>Schema</c> suffix, and every $ref follows.</summary>
    private static void RenameReservedSchemas(JsonObject document)
    {
        if (document["components"]?["schemas"] is not JsonObject schemas)
        {
            return;
        }

        var renames = NSwagReservedNames.Where(schemas.ContainsKey).ToDictionary(n => $"#/components/schemas/{n}", n => $"#/components/schemas/{n}Schema");
        foreach (var name in NSwagReservedNames.Where(schemas.ContainsKey))
        {
            var schema = schemas[name];
            schemas.Remove(name);
            schemas[name + "Schema"] = schema;
        }

        RenameReferences(document, renames);
    }

    private static void RenameReferences(JsonNode? node, Dictionary<string, string> renames)
    {
        if (node is JsonObject obj)
        {
            if (obj["$ref"] is JsonValue reference && renames.TryGetValue(reference.GetValue<string>(), out var renamed))
            {
                obj["$ref"] = renamed;
            }

            foreach (var child in obj.Select(p => p.Value).ToList())
            {
                RenameReferences(child, renames);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                RenameReferences(item, renames);
            }
        }
    }

    private static void Rewrite(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var child in obj.Select(p => p.Value).ToList())
                {
                    Rewrite(child);
                }

                if (LooksLikeSchema(obj))
                {
                    RewriteSchema(obj);
                }

                break;
            case JsonArray array:
                foreach (var item in array.ToList())
                {
                    Rewrite(item);
                }

                break;
        }
    }

    private static bool LooksLikeSchema(JsonObject obj) =>
        obj.ContainsKey("type") || obj.ContainsKey("anyOf") || obj.ContainsKey("oneOf") || obj.ContainsKey("const")
        || obj.ContainsKey("exclusiveMinimum") || obj.ContainsKey("exclusiveMaximum") || obj.ContainsKey("properties") || obj.ContainsKey("items");

    private static void RewriteSchema(JsonObject schema)
    {
        if (schema["type"] is JsonArray types)
        {
            var named = types.Select(t => t?.GetValue<string>()).Where(t => t is not null && t != "null").ToList();
            if (named.Count < types.Count)
            {
                schema["nullable"] = true;
            }

            schema["type"] = named.Count == 1 ? named[0] : null;
            if (named.Count != 1)
            {
                schema.Remove("type");
            }
        }

        if (schema["const"] is { } constant)
        {
            schema.Remove("const");
            schema["enum"] = new JsonArray(constant.DeepClone());
        }

        foreach (var (exclusive, bound) in new[] { ("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum") })
        {
            if (schema[exclusive] is JsonValue value && value.TryGetValue<double>(out _))
            {
                schema.Remove(exclusive);
                schema[bound] = value.DeepClone();
                schema[exclusive] = true;
            }
        }

        if (schema["examples"] is JsonArray)
        {
            schema.Remove("examples");
        }

        foreach (var keyword in new[] { "anyOf", "oneOf" })
        {
            if (schema[keyword] is JsonArray variants)
            {
                RemoveNullBranch(schema, keyword, variants);
            }

            if (schema[keyword] is JsonArray { Count: > 1 })
            {
                // NSwag emits no type for a union (it names one and never writes it), so a real union is
                // left untyped: the reference client carries it as raw JSON (a JsonElement) both ways.
                var description = schema["description"]?.DeepClone();
                var nullable = schema["nullable"]?.DeepClone();
                schema.Clear();
                if (description is not null)
                {
                    schema["description"] = description;
                }

                if (nullable is not null)
                {
                    schema["nullable"] = nullable;
                }
            }
        }
    }

    private static void RemoveNullBranch(JsonObject schema, string keyword, JsonArray variants)
    {
        var nulls = variants.Where(v => v is JsonObject o && o.Count == 1 && (string?)o["type"] == "null").ToList();
        if (nulls.Count == 0)
        {
            return;
        }

        foreach (var branch in nulls)
        {
            variants.Remove(branch);
        }

        schema["nullable"] = true;
        if (variants.Count != 1)
        {
            return;
        }

        var only = variants[0]!.AsObject();
        schema.Remove(keyword);
        if (only.ContainsKey("$ref"))
        {
            // NSwag turns allOf: [$ref] with siblings into a class it never emits; a bare $ref is the
            // referenced type (reference types are nullable in its C# anyway), at the cost of the description.
            schema.Clear();
            schema["$ref"] = only["$ref"]!.DeepClone();
            return;
        }

        foreach (var (key, value) in only.ToList())
        {
            if (!schema.ContainsKey(key))
            {
                schema[key] = value?.DeepClone();
            }
        }
    }
}
