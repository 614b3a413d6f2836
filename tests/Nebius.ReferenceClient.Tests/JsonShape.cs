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
    public static string? Difference(string? expected, string? actual) =>
        Differences(expected, actual) is [var first, ..] ? first.Detail : null;

    /// <summary>Every place two JSON texts differ as logical values, each with its JSON path (<c>$.a.b[0]</c>) and what differs there.</summary>
    public static IReadOnlyList<(string Path, string Detail)> Differences(string? expected, string? actual)
    {
        var left = Canonical(expected);
        var right = Canonical(actual);
        if (left.Length == 0 || right.Length == 0)
        {
            return left == right ? [] : [("$", $"one side is empty: '{left}' vs '{right}'")];
        }

        var found = new List<(string, string)>();
        Collect(JsonNode.Parse(left), JsonNode.Parse(right), "$", found);
        return found;
    }

    private static void Collect(JsonNode? left, JsonNode? right, string path, List<(string Path, string Detail)> found)
    {
        if (left is JsonObject a && right is JsonObject b)
        {
            foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key), StringComparer.Ordinal))
            {
                var inLeft = a.TryGetPropertyValue(key, out var l);
                var inRight = b.TryGetPropertyValue(key, out var r);
                var member = $"{path}.{key}";
                switch (inLeft, inRight)
                {
                    case (true, true):
                        Collect(l, r, member, found);
                        break;
                    case (true, false) when Defaults.Value.Contains($"{key}={l!.ToJsonString()}"):
                    case (false, true) when Defaults.Value.Contains($"{key}={r!.ToJsonString()}"):
                        break;
                    case (true, false):
                        found.Add((member, $"{member} is only in the expected value ({l!.ToJsonString()})"));
                        break;
                    default:
                        found.Add((member, $"{member} is only in the actual value ({r!.ToJsonString()})"));
                        break;
                }
            }

            return;
        }

        if (left is JsonArray x && right is JsonArray y)
        {
            if (x.Count != y.Count)
            {
                found.Add((path, $"{path} has {x.Count} items vs {y.Count}"));
                return;
            }

            for (var i = 0; i < x.Count; i++)
            {
                Collect(x[i], y[i], $"{path}[{i}]", found);
            }

            return;
        }

        var leftText = left?.ToJsonString() ?? "null";
        var rightText = right?.ToJsonString() ?? "null";
        if (leftText != rightText)
        {
            found.Add((path, $"{path}: {leftText} vs {rightText}"));
        }
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
                        // In canonical form, as the bodies are compared: a spec's 0.00001 may be written 1E-05.
                        defaults.Add($"{name}={Canonical(value)!.ToJsonString()}");
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
