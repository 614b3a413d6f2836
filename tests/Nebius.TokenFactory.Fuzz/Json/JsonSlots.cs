using System.Text.Json;

namespace Nebius.TokenFactory.Fuzz.Json;

/// <summary>Finds every value of a (valid) JSON document with its path and byte range.</summary>
internal static class JsonSlots
{
    public static IReadOnlyList<JsonSlot> Scan(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 1024 });
        var slots = new List<JsonSlot>();
        var containers = new Stack<Container>();
        string? propertyName = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                propertyName = reader.GetString();
                continue;
            }

            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                var closed = containers.Pop();
                slots.Add(new JsonSlot(closed.Path, closed.Kind, closed.Start, (int)reader.TokenStartIndex + 1));
                continue;
            }

            var path = ChildPath(containers, propertyName);
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                containers.Push(new Container(path, reader.TokenType, start));
                continue;
            }

            // A string's ValueSpan is its raw (still escaped) bytes between the quotes.
            var length = reader.ValueSpan.Length + (reader.TokenType == JsonTokenType.String ? 2 : 0);
            slots.Add(new JsonSlot(path, reader.TokenType, start, start + length));
        }

        slots.Sort((a, b) => a.Start.CompareTo(b.Start));
        return slots;
    }

    private static object[] ChildPath(Stack<Container> containers, string? propertyName)
    {
        if (!containers.TryPeek(out var parent))
        {
            return [];
        }

        object segment = parent.Kind == JsonTokenType.StartArray ? parent.NextIndex++ : propertyName!;
        return [.. parent.Path, segment];
    }

    private sealed class Container(IReadOnlyList<object> path, JsonTokenType kind, int start)
    {
        public IReadOnlyList<object> Path { get; } = path;

        public JsonTokenType Kind { get; } = kind;

        public int Start { get; } = start;

        public int NextIndex { get; set; }
    }
}
