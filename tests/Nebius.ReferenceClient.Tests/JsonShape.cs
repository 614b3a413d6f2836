using System.Globalization;
using System.Text.Json.Nodes;

namespace Nebius.ReferenceClient.Tests;

/// <summary>
/// Puts two JSON texts into one canonical form before comparing them: keys sorted, null members dropped
/// (one serializer writes an unset property as null, the other leaves it out: the same logical value),
/// numbers compared by value, date-times by instant. <see cref="Difference(string?, string?)"/> then also accepts a member
/// that only one side has when it holds the default the contract declares for a property of that name:
/// our generator fills string defaults in (Kiota's habit), NSwag is told not to, and an absent member
/// means its default either way.
/// </summary>
internal static class JsonShape
{
    private static readonly Lazy<HashSet<string>> Defaults = new(CollectDefaults);

    public static string Canonical(string? json) =>
        string.IsNullOrWhiteSpace(json) ? "" : Canonical(JsonNode.Parse(json))?.ToJsonString() ?? "null";

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .Where(p => p.Value is not null)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Canonical)]),
        JsonValue value when value.TryGetValue<string>(out var text) && LooksLikeInstant(text, out var instant) => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number => decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) / 1.0000000000000000000000000000m,
        _ => node?.DeepClone(),
    };

    /// <summary>The first place two JSON texts differ as logical values (see the class remarks), or null when they do not.</summary>
    public static string? Difference(string? expected, string? actual)
    {
        var left = Canonical(expected);
        var right = Canonical(actual);
        if (left.Length == 0 || right.Length == 0)
        {
            return left == right ? null : $"one side is empty: '{left}' vs '{right}'";
        }

        return Difference(JsonNode.Parse(left), JsonNode.Parse(right), "$");
    }

    private static string? Difference(JsonNode? left, JsonNode? right, string path)
    {
        if (left is JsonObject a && right is JsonObject b)
        {
            foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key), StringComparer.Ordinal))
            {
                var inLeft = a.TryGetPropertyValue(key, out var l);
                var inRight = b.TryGetPropertyValue(key, out var r);
                var difference = (inLeft, inRight) switch
                {
                    (true, true) => Difference(l, r, $"{path}.{key}"),
                    (true, false) when Defaults.Value.Contains($"{key}={l!.ToJsonString()}") => null,
                    (false, true) when Defaults.Value.Contains($"{key}={r!.ToJsonString()}") => null,
                    (true, false) => $"{path}.{key} is only in the expected value ({l!.ToJsonString()})",
                    _ => $"{path}.{key} is only in the actual value ({r!.ToJsonString()})",
                };
                if (difference is not null)
                {
                    return difference;
                }
            }

            return null;
        }

        if (left is JsonArray x && right is JsonArray y)
        {
            if (x.Count != y.Count)
            {
                return $"{path} has {x.Count} items vs {y.Count}";
            }

            return Enumerable.Range(0, x.Count).Select(i => Difference(x[i], y[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
        }

        var leftText = left?.ToJsonString() ?? "null";
        var rightText = right?.ToJsonString() ?? "null";
        return leftText == rightText ? null : $"{path}: {leftText} vs {rightText}";
    }

    private static HashSet<string> CollectDefaults()
    {
        var defaults = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonNode? node)
        {
            if (node is JsonObject obj)
            {
                foreach (var (name, property) in obj["properties"] as JsonObject ?? [])
                {
                    if (property?["default"] is { } value)
                    {
                        defaults.Add($"{name}={value.ToJsonString()}");
                    }
                }

                foreach (var (_, child) in obj)
                {
                    Walk(child);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    Walk(item);
                }
            }
        }

        Walk(ContractCatalog.Spec);
        return defaults;
    }

    private static bool LooksLikeInstant(string text, out DateTimeOffset instant)
    {
        instant = default;
        return text.Length >= 19 && text[4] == '-' && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
    }
}
