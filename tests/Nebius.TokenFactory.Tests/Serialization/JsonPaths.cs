using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Nebius.TokenFactory.Tests.Serialization;

/// <summary>Property paths in JSON text (each segment a property name, or an array index as <c>[i]</c>), for the differential tests.</summary>
internal static class JsonPaths
{
    /// <summary>The paths of the properties whose value is a string starting with <paramref name="marker"/>, with that string.</summary>
    public static IReadOnlyList<(string[] Path, string Value)> Find(string json, string marker)
    {
        using var document = JsonDocument.Parse(json);
        var found = new List<(string[] Path, string Value)>();
        Walk(document.RootElement, [], marker, found);
        return found;
    }

    /// <summary>
    /// The JSON written again without the properties at the given paths whose value equals the JSON text given
    /// (only that occurrence of a repeated name), compact, strings unescaped as far as JSON allows, numbers as
    /// they were.
    /// </summary>
    public static string Without(string json, IReadOnlyList<(string[] Path, string RawValue)> removals) => Encoding.UTF8.GetString(Without(Encoding.UTF8.GetBytes(json), removals));

    /// <inheritdoc cref="Without(string, IReadOnlyList{ValueTuple{string[], string}})"/>
    public static byte[] Without(byte[] json, IReadOnlyList<(string[] Path, string RawValue)> removals)
    {
        var removed = removals.ToLookup(r => string.Join('\u0000', r.Path), r => JsonDocument.Parse(r.RawValue).RootElement.Clone(), StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json);
        using var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            // The path of the value about to be read: one segment per open container, the last one moving.
            var path = new List<string>();
            var indexes = new Stack<int>();
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        path[^1] = name;
                        // A null before the removed value goes too: the direct path forgets a repeated key's null once a value follows.
                        if (removed[string.Join('\u0000', path)] is var candidates && candidates.Any()
                            && ValueAfter(reader) is var value
                            && (candidates.Any(c => JsonElement.DeepEquals(c, value)) || value.ValueKind == JsonValueKind.Null && OccursLater(reader, name, candidates)))
                        {
                            reader.Read();
                            reader.Skip();
                            continue;
                        }

                        writer.WritePropertyName(name);
                        continue;
                    case JsonTokenType.StartObject:
                        NextElement(path, indexes);
                        writer.WriteStartObject();
                        path.Add(string.Empty);
                        indexes.Push(-1);
                        continue;
                    case JsonTokenType.StartArray:
                        NextElement(path, indexes);
                        writer.WriteStartArray();
                        path.Add(string.Empty);
                        indexes.Push(0);
                        continue;
                    case JsonTokenType.EndObject:
                        writer.WriteEndObject();
                        path.RemoveAt(path.Count - 1);
                        indexes.Pop();
                        continue;
                    case JsonTokenType.EndArray:
                        writer.WriteEndArray();
                        path.RemoveAt(path.Count - 1);
                        indexes.Pop();
                        continue;
                    case JsonTokenType.String:
                        NextElement(path, indexes);
                        writer.WriteStringValue(reader.GetString());
                        continue;
                    default:
                        NextElement(path, indexes);
                        writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                        continue;
                }
            }
        }

        return output.ToArray();
    }

    /// <summary>The value after the property name the reader (a copy) is on.</summary>
    private static JsonElement ValueAfter(Utf8JsonReader reader)
    {
        reader.Read();
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>Whether one of <paramref name="values"/> follows under the same name later in the object the reader (a copy, on a property name) is in.</summary>
    private static bool OccursLater(Utf8JsonReader reader, string name, IEnumerable<JsonElement> values)
    {
        reader.Read();
        reader.Skip();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var same = reader.GetString() == name;
            var value = ValueAfter(reader);
            if (same && values.Any(v => JsonElement.DeepEquals(v, value)))
            {
                return true;
            }

            reader.Read();
            reader.Skip();
        }

        return false;
    }

    /// <summary>Inside an array, a value takes the next index as its path's last segment.</summary>
    private static void NextElement(List<string> path, Stack<int> indexes)
    {
        if (indexes.Count > 0 && indexes.Peek() >= 0)
        {
            var index = indexes.Pop();
            path[^1] = $"[{index}]";
            indexes.Push(index + 1);
        }
    }

    private static void Walk(JsonElement element, List<string> path, string marker, List<(string[] Path, string Value)> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    path.Add(property.Name);
                    if (property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { } text && text.StartsWith(marker, StringComparison.Ordinal))
                    {
                        found.Add(([.. path], text));
                    }
                    else
                    {
                        Walk(property.Value, path, marker, found);
                    }

                    path.RemoveAt(path.Count - 1);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    path.Add($"[{index++}]");
                    Walk(item, path, marker, found);
                    path.RemoveAt(path.Count - 1);
                }

                break;
        }
    }
}
