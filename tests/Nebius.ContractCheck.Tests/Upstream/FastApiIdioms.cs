using System.Text.Json.Nodes;

namespace Nebius.ContractCheck.Tests;

/// <summary>
/// Rewrites a document of ours the way FastAPI would have written the same API, one idiom at a time: whatever
/// these do, the upstream comparison must report nothing.
/// </summary>
internal static class FastApiIdioms
{
    public static readonly IReadOnlyDictionary<string, Action<JsonObject>> All = new Dictionary<string, Action<JsonObject>>(StringComparer.Ordinal)
    {
        ["-Output suffixes on every schema name"] = SuffixNames,
        ["a title on every schema"] = d => Schemas(d, s => s["title"] = "Title"),
        ["type: [X, null] written as anyOf with a null branch"] = d => Schemas(d, NullableAsAnyOf),
        ["one-value enums written as const"] = d => Schemas(d, EnumAsConst),
        ["open enums written as the closed enum"] = d => Schemas(d, s => CloseOpenEnum(d, s)),
        ["no numeric formats"] = d => Schemas(d, s => { if (Text(s["format"]) is "int64" or "int32" or "float" or "double") { s.Remove("format"); } }),
        ["no default responses"] = d => Operations(d, o => (o["responses"] as JsonObject)?.Remove("default")),
        ["optional query parameters as anyOf with null"] = d => Operations(d, NullableQueryParameters),
    };

    public static void SuffixNames(JsonObject document)
    {
        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var (name, schema) in schemas.ToList())
        {
            schemas.Remove(name);
            schemas[name + "-Output"] = schema;
        }

        Visit(document, obj =>
        {
            if (Text(obj["$ref"]) is { } reference && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal))
            {
                obj["$ref"] = reference + "-Output";
            }
        });
    }

    private static void NullableAsAnyOf(JsonObject schema)
    {
        if (schema["type"] is not JsonArray types || !types.Any(t => Text(t) == "null"))
        {
            return;
        }

        var branch = new JsonObject();
        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            if (key != "type")
            {
                branch[key] = value;
            }
        }

        var rest = types.Select(t => Text(t)).Where(t => t != "null").ToList();
        if (rest.Count > 0)
        {
            branch["type"] = rest.Count == 1 ? rest[0] : new JsonArray([.. rest.Select(t => (JsonNode)t!)]);
        }

        schema["anyOf"] = new JsonArray(branch, new JsonObject { ["type"] = "null" });
    }

    private static void EnumAsConst(JsonObject schema)
    {
        if (schema["enum"] is JsonArray { Count: 1 } values)
        {
            schema["const"] = values[0]!.DeepClone();
            schema.Remove("enum");
        }
    }

    /// <summary>Our <c>anyOf: [KnownEnum, {type: string}]</c> (only where the first branch is an enum: a union of an object and a string is no open enum).</summary>
    private static void CloseOpenEnum(JsonObject document, JsonObject schema)
    {
        if (schema["anyOf"] is JsonArray { Count: 2 } branches
            && branches[1] is JsonObject { Count: 1 } plain && Text(plain["type"]) == "string"
            && branches[0] is JsonObject known && Resolve(document, known).ContainsKey("enum"))
        {
            schema.Remove("anyOf");
            foreach (var (key, value) in known.ToList())
            {
                known.Remove(key);
                schema[key] = value;
            }
        }
    }

    private static JsonObject Resolve(JsonObject document, JsonObject schema) =>
        Text(schema["$ref"]) is { } reference
            ? document["components"]!["schemas"]![reference["#/components/schemas/".Length..]]!.AsObject()
            : schema;

    private static void NullableQueryParameters(JsonObject operation)
    {
        foreach (var parameter in operation["parameters"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            if (Text(parameter["in"]) == "query" && parameter["required"]?.GetValue<bool>() != true && parameter["schema"] is JsonObject schema)
            {
                parameter["schema"] = new JsonObject { ["anyOf"] = new JsonArray(schema.DeepClone(), new JsonObject { ["type"] = "null" }) };
            }
        }
    }

    /// <summary>Every schema object of the components and of the operations (examples and extensions left alone).</summary>
    private static void Schemas(JsonObject document, Action<JsonObject> edit)
    {
        foreach (var root in new[] { document["paths"], document["components"] })
        {
            Visit(root, obj =>
            {
                if (obj.ContainsKey("type") || obj.ContainsKey("anyOf") || obj.ContainsKey("oneOf") || obj.ContainsKey("enum") || obj.ContainsKey("properties"))
                {
                    edit(obj);
                }
            });
        }
    }

    private static void Operations(JsonObject document, Action<JsonObject> edit)
    {
        foreach (var (_, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is "get" or "post" or "put" or "patch" or "delete" && operation is JsonObject o)
                {
                    edit(o);
                }
            }
        }
    }

    /// <summary>Visits every object below <paramref name="node"/>; the maps of property names are walked into but not visited themselves.</summary>
    private static void Visit(JsonNode? node, Action<JsonObject> visit)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (key is "properties" or "patternProperties" && child is JsonObject names)
                    {
                        foreach (var (_, property) in names.ToList())
                        {
                            Visit(property, visit);
                        }
                    }
                    else if (key is not ("example" or "examples" or "enum" or "const" or "default") && !key.StartsWith("x-", StringComparison.Ordinal))
                    {
                        Visit(child, visit);
                    }
                }

                visit(obj);
                break;
            case JsonArray array:
                foreach (var item in array.ToList())
                {
                    Visit(item, visit);
                }

                break;
        }
    }

    /// <summary>A string value, or null for anything else (a node of another kind is not an error here).</summary>
    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
