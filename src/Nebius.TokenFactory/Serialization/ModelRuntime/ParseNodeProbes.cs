using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Serialization;

/// <summary>
/// Tells a JSON value's kind through the public <see cref="IParseNode"/> API, for a generated union's
/// factory (Kiota's node does not expose the kind). Arrays and null cannot be told apart this way; both
/// report <see cref="JsonKind.Array"/>.
/// </summary>
internal static class ParseNodeProbes
{
    /// <summary>The kind of a JSON value, as far as it can be told through IParseNode.</summary>
    internal enum JsonKind
    {
        Null,
        String,
        Number,
        Boolean,
        Object,
        Array,
    }

    /// <summary>Tells the JSON kind of the value behind <paramref name="node"/>.</summary>
    /// <param name="node">The parse node to inspect.</param>
    public static JsonKind KindOf(IParseNode node)
    {
        if (node.GetStringValue() is not null)
        {
            return JsonKind.String;
        }

        if (node.GetBoolValue() is not null)
        {
            return JsonKind.Boolean;
        }

        if (node.GetDoubleValue() is not null)
        {
            return JsonKind.Number;
        }

        // GetFieldDeserializers is only asked of objects, which makes this probe exact.
        return node.GetObjectValue(ObjectProbe.Create).IsObject ? JsonKind.Object : JsonKind.Array;
    }

    /// <summary>The kind of the first element of an array, or Null when it is empty.</summary>
    /// <param name="node">The parse node holding the array.</param>
    public static JsonKind FirstElementKind(IParseNode node) => node.GetCollectionOfObjectValues(ElementProbe.Create).Select(e => e.Kind).FirstOrDefault();

    /// <summary>Whether a number has no fractional part (and fits a long).</summary>
    /// <param name="node">The parse node holding the number.</param>
    public static bool IsIntegral(IParseNode node) => node.GetDoubleValue() is double value && Math.Floor(value) == value && Math.Abs(value) < 9.2e18;

    /// <summary>Reads a formatted string (date-time, uuid, duration, base64, ...) as <typeparamref name="T"/>; false when it is not in that format. Some Kiota readers throw instead of returning null.</summary>
    /// <typeparam name="T">The nullable type the reader returns.</typeparam>
    /// <param name="node">The parse node holding the string.</param>
    /// <param name="read">The Kiota reader for the format.</param>
    /// <param name="value">The value read, when it was in the format.</param>
    public static bool TryRead<T>(IParseNode node, Func<IParseNode, T> read, out T value)
    {
        try
        {
            value = read(node);
            return value is not null;
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException)
        {
            value = default!;
            return false;
        }
    }

    private sealed class ObjectProbe : IParsable
    {
        private static readonly IDictionary<string, Action<IParseNode>> None = new Dictionary<string, Action<IParseNode>>();

        internal bool IsObject { get; private set; }

        internal static ObjectProbe Create(IParseNode node) => new();

        public IDictionary<string, Action<IParseNode>> GetFieldDeserializers()
        {
            IsObject = true;
            return None;
        }

        public void Serialize(ISerializationWriter writer)
        {
        }
    }

    private sealed class ElementProbe : IParsable
    {
        private static readonly IDictionary<string, Action<IParseNode>> None = new Dictionary<string, Action<IParseNode>>();

        internal JsonKind Kind { get; private init; }

        internal static ElementProbe Create(IParseNode node) => new() { Kind = KindOf(node) };

        public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => None;

        public void Serialize(ISerializationWriter writer)
        {
        }
    }
}
