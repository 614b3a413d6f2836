using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nebius.CodeGen.Analysis;

/// <summary>Small, tolerant accessors over the spec's JSON tree.</summary>
internal static class JsonExtensions
{
    public static string? Str(this JsonObject obj, string key) =>
        obj.TryGetPropertyValue(key, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static bool Bool(this JsonObject obj, string key) =>
        obj.TryGetPropertyValue(key, out var node) && node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    public static JsonObject? Obj(this JsonObject obj, string key) =>
        obj.TryGetPropertyValue(key, out var node) ? node as JsonObject : null;

    public static JsonArray? Arr(this JsonObject obj, string key) =>
        obj.TryGetPropertyValue(key, out var node) ? node as JsonArray : null;

    /// <summary>A scalar rendered as the string it stands for (<c>true</c>, <c>42</c>, <c>text</c>), or null.</summary>
    public static string? ScalarText(this JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
        _ => null,
    };

    public static bool IsJsonNull(this JsonNode? node) => node is null;

    public static IEnumerable<(string Key, JsonNode? Value)> Entries(this JsonObject? obj)
    {
        if (obj is null)
        {
            yield break;
        }

        foreach (var (key, value) in obj)
        {
            yield return (key, value);
        }
    }

    public static string Child(this string pointer, string segment) => pointer + "/" + Spec.YamlToJson.EscapePointer(segment);

    public static string Child(this string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
