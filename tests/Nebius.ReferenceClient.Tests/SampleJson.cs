using System.Text.Json.Nodes;

namespace Nebius.ReferenceClient.Tests;

/// <summary>
/// Makes a deterministic sample value for a schema, for bodies that have no example file: every property
/// (so each one is exercised), the first enum value, the first non-null branch of a union, a depth limit
/// against recursive schemas.
/// </summary>
internal static class SampleJson
{
    private const int MaxDepth = 5;

    public static JsonNode? For(JsonObject schema) => Make(schema, 0);

    private static JsonNode? Make(JsonObject schema, int depth)
    {
        schema = ContractCatalog.Resolve(schema);
        if (schema["const"] is { } constant)
        {
            return constant.DeepClone();
        }

        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            return values[0]?.DeepClone();
        }

        foreach (var keyword in new[] { "anyOf", "oneOf" })
        {
            if (schema[keyword] is JsonArray variants)
            {
                var branches = variants.OfType<JsonObject>().Where(v => (string?)v["type"] != "null").ToList();
                // Near the depth limit a plain-value branch keeps a recursive union (a type of types) valid.
                // A nullable recursive one (a column type's item type) is left out there instead.
                var nullable = branches.Count < variants.Count;
                var branch = depth >= MaxDepth - 2
                    ? branches.FirstOrDefault(b => (string?)b["type"] is "string" or "integer" or "number" or "boolean") ?? (nullable ? null : branches.FirstOrDefault())
                    : branches.FirstOrDefault();
                return branch is null ? null : Make(branch, depth);
            }
        }

        if (schema["allOf"] is JsonArray parts)
        {
            var merged = new JsonObject();
            foreach (var part in parts.OfType<JsonObject>())
            {
                if (Make(part, depth) is JsonObject partValue)
                {
                    foreach (var (key, value) in partValue.ToList())
                    {
                        partValue.Remove(key);
                        merged[key] = value;
                    }
                }
            }

            return merged;
        }

        var type = schema["type"] switch
        {
            JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
            JsonValue single => (string?)single,
            _ => schema.ContainsKey("properties") ? "object" : null,
        };
        return type switch
        {
            "object" => MakeObject(schema, depth),
            "array" => depth >= MaxDepth || schema["items"] is not JsonObject items ? new JsonArray() : new JsonArray(Make(items, depth + 1)),
            "string" => (string?)schema["format"] == "date-time" ? "2025-01-02T03:04:05Z" : "sample",
            "integer" => 3,
            "number" => Bounded(schema, 1.5),
            "boolean" => true,
            _ => "any",
        };
    }

    /// <summary>A number inside the schema's bounds: the preferred value, else the midpoint (or the one bound).</summary>
    private static double Bounded(JsonObject schema, double preferred)
    {
        var minimum = schema["minimum"] is { } min ? double.Parse(min.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) : double.NegativeInfinity;
        var maximum = schema["maximum"] is { } max ? double.Parse(max.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) : double.PositiveInfinity;
        if (preferred >= minimum && preferred <= maximum)
        {
            return preferred;
        }

        return double.IsInfinity(minimum) ? maximum : double.IsInfinity(maximum) ? minimum : (minimum + maximum) / 2;
    }

    private static JsonObject MakeObject(JsonObject schema, int depth)
    {
        var result = new JsonObject();
        if (depth >= MaxDepth)
        {
            return result;
        }

        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            if (property is JsonObject propertySchema && Make(propertySchema, depth + 1) is { } value)
            {
                result[name] = value;
            }
        }

        if (result.Count == 0 && schema["additionalProperties"] is JsonObject extra)
        {
            result["key"] = Make(extra, depth + 1);
        }

        return result;
    }
}
