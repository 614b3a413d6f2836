using System.Globalization;
using System.Text.Json.Nodes;

namespace Nebius.ReferenceClient.Tests;

/// <summary>
/// Puts two JSON texts into one canonical form before comparing them: keys sorted, null members dropped
/// (one serializer writes an unset property as null, the other leaves it out: the same logical value),
/// numbers compared by value, date-times by instant. A member holding the default the contract declares
/// for a property of that name is dropped too: our generator fills string defaults in (Kiota's habit),
/// NSwag is told not to, and an absent member means its default either way.
/// </summary>
internal static class JsonShape
{
    private static readonly Lazy<HashSet<string>> Defaults = new(CollectDefaults);

    public static string Canonical(string? json) =>
        string.IsNullOrWhiteSpace(json) ? "" : Canonical(JsonNode.Parse(json))?.ToJsonString() ?? "null";

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .Where(p => p.Value is not null && !Defaults.Value.Contains($"{p.Key}={p.Value.ToJsonString()}"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Canonical)]),
        JsonValue value when value.TryGetValue<string>(out var text) && LooksLikeInstant(text, out var instant) => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number => decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => node?.DeepClone(),
    };

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
