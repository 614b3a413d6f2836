using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nebius.ContractCheck.Probe;

/// <summary>
/// Checks a response body against its schema in the spec's JSON tree, looking for drift rather than only
/// validity: the spec's response models are open (unknown fields are allowed, open enums accept any string),
/// so a plain validator would pass what this reports — fields the spec lacks and enum values outside the
/// known list — besides missing required fields and wrong types.
/// </summary>
internal sealed class ResponseDrift(JsonObject spec)
{
    private const int MaxDepth = 40;

    public List<DriftFinding> Check(string call, JsonNode? value, JsonObject schema)
    {
        var findings = new List<DriftFinding>();
        Walk(call, value, schema, "$", findings, 0);
        return findings;
    }

    private void Walk(string call, JsonNode? value, JsonObject schema, string path, List<DriftFinding> findings, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        schema = Resolve(schema);
        foreach (var keyword in new[] { "anyOf", "oneOf" })
        {
            if (schema[keyword] is JsonArray variants)
            {
                WalkUnion(call, value, [.. variants.OfType<JsonObject>().Select(Resolve)], path, findings, depth);
                return;
            }
        }

        foreach (var part in schema["allOf"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            Walk(call, value, part, path, findings, depth + 1);
        }

        if (!TypeAllows(schema, value))
        {
            findings.Add(new DriftFinding(call, path, DriftFinding.WrongType, $"{Kind(value)} where the spec has {schema["type"]?.ToJsonString()}"));
            return;
        }

        if (schema["enum"] is JsonArray values && value is not null && !values.Any(v => JsonNode.DeepEquals(v, value)))
        {
            findings.Add(new DriftFinding(call, path, DriftFinding.UnknownEnumValue, $"{value.ToJsonString()} is not one of {values.ToJsonString()}"));
        }

        switch (value)
        {
            case JsonObject obj:
                WalkObject(call, obj, schema, path, findings, depth);
                break;
            case JsonArray array when schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(call, array[i], items, $"{path}[{i}]", findings, depth + 1);
                }

                break;
        }
    }

    private void WalkObject(string call, JsonObject obj, JsonObject schema, string path, List<DriftFinding> findings, int depth)
    {
        var properties = schema["properties"] as JsonObject;
        foreach (var required in schema["required"]?.AsArray().Select(r => (string?)r) ?? [])
        {
            if (required is not null && !obj.ContainsKey(required))
            {
                findings.Add(new DriftFinding(call, $"{path}.{required}", DriftFinding.MissingField, "required by the spec, absent"));
            }
        }

        foreach (var (name, child) in obj)
        {
            if (properties?[name] is JsonObject propertySchema)
            {
                Walk(call, child, propertySchema, $"{path}.{name}", findings, depth + 1);
            }
            else if (schema["additionalProperties"] is JsonObject extra)
            {
                Walk(call, child, extra, $"{path}.{name}", findings, depth + 1);
            }
            else if (properties is not null)
            {
                findings.Add(new DriftFinding(call, $"{path}.{name}", DriftFinding.UnknownField, $"not in the spec (value {Kind(child)})"));
            }
        }
    }

    /// <summary>
    /// Takes the branch that fits best (fewest findings). An open enum, <c>anyOf: [KnownEnum, string]</c>,
    /// accepts any string through its second branch; a value outside the known list is still reported.
    /// </summary>
    private void WalkUnion(string call, JsonNode? value, List<JsonObject> variants, string path, List<DriftFinding> findings, int depth)
    {
        if (value is null && variants.Any(v => (string?)v["type"] == "null"))
        {
            return;
        }

        List<DriftFinding>? best = null;
        foreach (var variant in variants.Where(v => (string?)v["type"] != "null"))
        {
            var attempt = new List<DriftFinding>();
            Walk(call, value, variant, path, attempt, depth + 1);
            if (best is null || Score(attempt) < Score(best))
            {
                best = attempt;
            }
        }

        findings.AddRange(best ?? [new DriftFinding(call, path, DriftFinding.WrongType, "null where the spec has no null branch")]);
        var knownEnum = variants.FirstOrDefault(v => v["enum"] is JsonArray);
        if (value is JsonValue && knownEnum?["enum"] is JsonArray known && TypeAllows(knownEnum, value)
            && !known.Any(v => JsonNode.DeepEquals(v, value)) && !findings.Any(f => f.Path == path && f.Kind == DriftFinding.UnknownEnumValue))
        {
            findings.Add(new DriftFinding(call, path, DriftFinding.UnknownEnumValue, $"{value.ToJsonString()} is not one of the known values {known.ToJsonString()} (open enum)"));
        }
    }

    /// <summary>Wrong types weigh most, so a branch of the right shape wins over one that only lacks fields.</summary>
    private static int Score(List<DriftFinding> findings) =>
        findings.Sum(f => f.Kind == DriftFinding.WrongType ? 100 : 1);

    private static bool TypeAllows(JsonObject schema, JsonNode? value)
    {
        var types = schema["type"] switch
        {
            JsonValue single => [(string)single!],
            JsonArray many => many.Select(t => (string?)t).OfType<string>().ToList(),
            _ => (List<string>?)null,
        };
        if (types is null)
        {
            return true;
        }

        return types.Any(type => type switch
        {
            "null" => value is null,
            "object" => value is JsonObject,
            "array" => value is JsonArray,
            "string" => value is JsonValue v && v.GetValueKind() == JsonValueKind.String,
            "boolean" => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
            "number" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number,
            "integer" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && decimal.TryParse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d),
            _ => true,
        });
    }

    private static string Kind(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        _ => value.GetValueKind().ToString().ToLowerInvariant(),
    };

    private JsonObject Resolve(JsonObject schema)
    {
        for (var hops = 0; schema["$ref"]?.GetValue<string>() is { } reference && hops < 20; hops++)
        {
            JsonNode? target = spec;
            foreach (var segment in reference[2..].Split('/'))
            {
                target = target?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
            }

            schema = target as JsonObject ?? throw new InvalidOperationException("unresolved " + reference);
        }

        return schema;
    }
}
