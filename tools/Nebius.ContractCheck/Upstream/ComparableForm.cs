using System.Text.Json.Nodes;

namespace Nebius.ContractCheck.Upstream;

/// <summary>
/// Rewrites an OpenAPI document (ours or FastAPI's) so that the semantic diff sees what the API means and not how
/// each side spells it. Both documents go through the same rewrite:
/// <list type="bullet">
/// <item>every component schema reference is inlined and tagged with its name (<see cref="SchemaNameKey"/>), FastAPI's
/// <c>-Input</c>/<c>-Output</c> suffixes removed, so schemas are compared by structure wherever they are used and a
/// change is still reported once per named schema (a reference back into a schema being inlined stays a reference);</item>
/// <item><c>anyOf</c>/<c>oneOf</c> with a <c>{type: null}</c> branch and <c>type: [X, 'null']</c> both become a nullable
/// <c>type</c>; a union left with one branch is that branch;</item>
/// <item>our open enums (<c>anyOf: [KnownEnum, {type: string}]</c>) become the closed enum, so a value only one side
/// lists is still reported; <c>const</c> becomes a one-value <c>enum</c>; <c>allOf</c> of one schema is that schema;</item>
/// <item>what only one side writes by policy goes: <c>title</c> (FastAPI titles every schema), numeric
/// <c>format</c>s (ours marks int64 and float for the generator), the <c>default</c> error response (ours declares one on every
/// operation, FastAPI none).</item>
/// </list>
/// </summary>
internal static class ComparableForm
{
    /// <summary>The extension naming the component an inlined schema came from; the diff engine reads it like a reference.</summary>
    public const string SchemaNameKey = "x-nebius-schema-name";

    private const string SchemaPrefix = "#/components/schemas/";

    /// <summary>Keys whose values are data (examples, enum values, extensions), never schemas.</summary>
    private static readonly HashSet<string> DataKeys = new(StringComparer.Ordinal) { "example", "examples", "enum", "const", "default", "required" };

    public static JsonObject Of(JsonObject document)
    {
        var schemas = document["components"]?["schemas"] as JsonObject ?? [];
        var walk = new Inliner(schemas);
        var result = new JsonObject();
        foreach (var (key, value) in document)
        {
            // Only paths hold schemas (and components, below); info, tags and servers are copied as they are.
            result[key] = key == "paths" ? walk.Rewrite(value, []) : key == "components" ? null : value?.DeepClone();
        }

        var components = new JsonObject();
        foreach (var (key, value) in document["components"] as JsonObject ?? [])
        {
            if (key != "schemas")
            {
                components[key] = walk.Rewrite(value, []);
            }
        }

        // Last: the walks above may have met more schemas that refer back to themselves.
        foreach (var (name, rewritten) in walk.KeptAsReferences())
        {
            components["schemas"] ??= new JsonObject();
            components["schemas"]![name] = rewritten;
        }

        result["components"] = components;
        DropDefaultResponses(result);
        foreach (var parameter in Parameters(result))
        {
            NotNullable(parameter["schema"] as JsonObject);
        }

        return result;
    }

    /// <summary>Every parameter object: those of path items and operations, and the components'.</summary>
    private static IEnumerable<JsonObject> Parameters(JsonObject document)
    {
        var lists = new List<JsonNode?>();
        foreach (var (_, item) in document["paths"] as JsonObject ?? [])
        {
            lists.Add(item?["parameters"]);
            lists.AddRange(Operations(item).Select(operation => operation["parameters"]));
        }

        return lists.OfType<JsonArray>().SelectMany(list => list.OfType<JsonObject>())
            .Concat((document["components"]?["parameters"] as JsonObject ?? []).Select(p => p.Value).OfType<JsonObject>())
            .Where(p => p.ContainsKey("in"));
    }

    /// <summary>
    /// A query, path or header value is never JSON null: FastAPI writes an optional parameter as
    /// <c>anyOf: [X, null]</c>, ours as X, and both mean "may be absent", which <c>required</c> already says.
    /// </summary>
    private static void NotNullable(JsonObject? schema)
    {
        if (schema?["type"] is JsonArray types)
        {
            var kept = types.Where(t => Text(t) != "null").Select(t => t!.DeepClone()).ToList();
            if (kept.Count == 0)
            {
                schema.Remove("type");
            }
            else
            {
                schema["type"] = kept.Count == 1 ? kept[0] : new JsonArray([.. kept]);
            }
        }
    }

    /// <summary>The operations of a path item (its other members, such as shared parameters or a summary, are not objects of that kind).</summary>
    private static IEnumerable<JsonObject> Operations(JsonNode? pathItem) =>
        (pathItem as JsonObject ?? []).Where(m => m.Key is "get" or "put" or "post" or "delete" or "options" or "head" or "patch" or "trace")
            .Select(m => m.Value).OfType<JsonObject>();

    /// <summary>A component name without FastAPI's <c>-Input</c>/<c>-Output</c> suffix.</summary>
    public static string SchemaName(string component) =>
        component.EndsWith("-Input", StringComparison.Ordinal) ? component[..^"-Input".Length]
        : component.EndsWith("-Output", StringComparison.Ordinal) ? component[..^"-Output".Length]
        : component;

    private static void DropDefaultResponses(JsonObject document)
    {
        foreach (var (_, item) in document["paths"] as JsonObject ?? [])
        {
            foreach (var operation in Operations(item))
            {
                (operation["responses"] as JsonObject)?.Remove("default");
            }
        }
    }

    private sealed class Inliner(JsonObject schemas)
    {
        private readonly Dictionary<string, string> _referencedInCycles = new(StringComparer.Ordinal);

        /// <summary>Schemas that refer back to themselves: kept as components (under their plain name), rewritten like the rest.</summary>
        public IEnumerable<(string Name, JsonNode Schema)> KeptAsReferences()
        {
            var done = new HashSet<string>(StringComparer.Ordinal);
            for (var pending = _referencedInCycles.ToList(); pending.Count > 0; pending = [.. _referencedInCycles.Where(p => !done.Contains(p.Key))])
            {
                foreach (var (name, original) in pending)
                {
                    done.Add(name);
                    yield return (name, Inline(original, [original]));
                }
            }
        }

        public JsonNode? Rewrite(JsonNode? node, List<string> inlining) => node switch
        {
            JsonObject obj when Text(obj["$ref"]) is { } reference && reference.StartsWith(SchemaPrefix, StringComparison.Ordinal) =>
                Reference(reference[SchemaPrefix.Length..], inlining),
            JsonObject obj => Simplify(RewriteMembers(obj, inlining)),
            JsonArray array => new JsonArray([.. array.Select(item => Rewrite(item, inlining))]),
            _ => node?.DeepClone(),
        };

        private JsonNode Reference(string component, List<string> inlining)
        {
            var name = SchemaName(component);
            if (inlining.Contains(component))
            {
                _referencedInCycles.TryAdd(name, component);
                return new JsonObject { ["$ref"] = SchemaPrefix + name };
            }

            return Inline(component, [.. inlining, component]);
        }

        private JsonNode Inline(string component, List<string> inlining)
        {
            var target = schemas[component] ?? throw new InvalidOperationException($"unresolved reference {SchemaPrefix}{component}");
            var inlined = Rewrite(target, inlining);
            if (inlined is JsonObject obj && !obj.ContainsKey(SchemaNameKey) && !obj.ContainsKey("$ref"))
            {
                obj[SchemaNameKey] = SchemaName(component);
            }

            return inlined!;
        }

        private JsonObject RewriteMembers(JsonObject obj, List<string> inlining)
        {
            var result = new JsonObject();
            foreach (var (key, value) in obj)
            {
                if (DataKeys.Contains(key) || key.StartsWith("x-", StringComparison.Ordinal))
                {
                    result[key] = value?.DeepClone();
                }
                else if (key is "properties" or "patternProperties" or "$defs" or "definitions" && value is JsonObject named)
                {
                    // Names here are property names, not keywords: rewrite each schema, keep the names.
                    var members = new JsonObject();
                    foreach (var (name, schema) in named)
                    {
                        members[name] = Rewrite(schema, inlining);
                    }

                    result[key] = members;
                }
                else
                {
                    result[key] = Rewrite(value, inlining);
                }
            }

            return result;
        }
    }

    /// <summary>The spelling rules, applied to one object whose members are already rewritten.</summary>
    private static JsonObject Simplify(JsonObject schema)
    {
        schema.Remove("title");
        if (schema["const"] is { } constant && !schema.ContainsKey("enum"))
        {
            schema["enum"] = new JsonArray(constant.DeepClone());
            schema.Remove("const");
        }

        if (IsType(schema, "integer") || IsType(schema, "number"))
        {
            schema.Remove("format"); // int64, float: hints to our generator; pydantic writes no numeric formats
        }

        var nullable = false;
        foreach (var keyword in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (schema[keyword] is not JsonArray branches)
            {
                continue;
            }

            var kept = branches.Where(b => keyword == "allOf" || !IsNullSchema(b)).ToList();
            nullable |= kept.Count < branches.Count;
            if (keyword != "allOf" && OpenEnum(kept) is { } closed)
            {
                kept = [closed];
            }

            schema.Remove(keyword);
            if (kept.Count == 1 && kept[0] is JsonObject only)
            {
                schema = Merge(only, schema);
            }
            else if (kept.Count > 0)
            {
                schema[keyword] = new JsonArray([.. kept.Select(b => b!.DeepClone())]);
            }
        }

        return nullable ? WithNull(schema) : schema;
    }

    /// <summary><c>[KnownEnum, {type: string}]</c>: the enum branch, so its values are compared with a closed enum's.</summary>
    private static JsonNode? OpenEnum(List<JsonNode?> branches) =>
        branches.Count == 2
        && branches.SingleOrDefault(b => b?["enum"] is JsonArray) is { } known
        && branches.Single(b => b != known) is JsonObject other
        && other.All(member => member.Key == "type" && Text(member.Value) == "string")
            ? known
            : null;

    /// <summary>The branch, with the members of the union's own object it does not set (its name tag, evidence, description).</summary>
    private static JsonObject Merge(JsonObject branch, JsonObject union)
    {
        var merged = branch.DeepClone().AsObject();
        foreach (var (key, value) in union)
        {
            if (!merged.ContainsKey(key))
            {
                merged[key] = value?.DeepClone();
            }
        }

        return merged;
    }

    private static JsonObject WithNull(JsonObject schema)
    {
        var types = schema["type"] switch
        {
            JsonValue one => [(string)one!],
            JsonArray many => many.Select(t => Text(t)).OfType<string>().ToList(),
            _ => new List<string>(),
        };
        if (!types.Contains("null"))
        {
            types.Add("null");
        }

        schema["type"] = new JsonArray([.. types.Select(t => (JsonNode)t)]);
        return schema;
    }

    private static bool IsNullSchema(JsonNode? branch) =>
        branch is JsonObject obj && Text(obj["type"]) == "null" && obj.All(m => m.Key is "type" or "title" or "description");

    private static bool IsType(JsonObject schema, string type) => schema["type"] switch
    {
        JsonValue one => Text(one) == type,
        JsonArray many => many.Any(t => Text(t) == type),
        _ => false,
    };

    /// <summary>A string value, or null for anything else (a node of another kind is not an error here).</summary>
    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
