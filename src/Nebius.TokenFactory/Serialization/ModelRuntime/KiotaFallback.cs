using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace Nebius.TokenFactory.Serialization;

/// <summary>
/// The one fallback of the direct path: Kiota's own <see cref="JsonParseNode"/> over the value's element,
/// for a value of an unexpected kind or of a type the generated code does not read itself (an ambiguous
/// union, a byte array, a date in an unusual format). Results there are Kiota's by construction.
/// </summary>
internal static class KiotaFallback
{
    /// <summary>Kiota's node over the value the reader is on; the reader moves to the value's last token. The element owns a copy of the value's bytes.</summary>
    /// <param name="reader">The reader, on the value's first token.</param>
    public static JsonParseNode NodeAt(ref Utf8JsonReader reader) => new(JsonElement.ParseValue(ref reader));

    /// <summary>The value the reader is on, read by Kiota's node as <paramref name="factory"/>'s model; the reader moves to the value's last token.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <param name="factory">The model's factory.</param>
    public static T Read<T>(ref Utf8JsonReader reader, ParsableFactory<T> factory)
        where T : IParsable => NodeAt(ref reader).GetObjectValue(factory);

    /// <summary>
    /// The value the reader is on, read by Kiota's node through a union's factory; a new, empty union when the
    /// node cannot read it (a value of a kind no member takes). The reader moves to the value's last token.
    /// </summary>
    /// <typeparam name="T">The union type.</typeparam>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <param name="factory">The union's factory.</param>
    public static T ReadOrEmpty<T>(ref Utf8JsonReader reader, ParsableFactory<T> factory)
        where T : IParsable, new()
    {
        var node = NodeAt(ref reader);
        try
        {
            return node.GetObjectValue(factory);
        }
        catch (Exception ex) when (IsConversionFailure(ex))
        {
            return new T();
        }
    }

    /// <summary>
    /// What Kiota's node throws for a value it cannot convert: a string not in a format (<see cref="FormatException"/>),
    /// a number out of range, an element of another kind (<see cref="InvalidOperationException"/>), invalid UTF-8
    /// in a string (also <see cref="InvalidOperationException"/>).
    /// </summary>
    /// <param name="exception">The exception thrown.</param>
    public static bool IsConversionFailure(Exception exception) =>
        exception is FormatException or OverflowException or InvalidOperationException or JsonException;

    /// <summary>
    /// Assigns the field through the model's <c>GetFieldDeserializers</c> entry and Kiota's node over the
    /// value, for a property type the generated code does not read itself; the reader moves to the value's
    /// last token.
    /// </summary>
    /// <returns>False when Kiota's reader failed on the value (a string not in the property's format).</returns>
    /// <param name="model">The model being read.</param>
    /// <param name="wireName">The JSON property name (a known one).</param>
    /// <param name="reader">The reader, on the value's first token.</param>
    public static bool Assign(IParsable model, scoped ReadOnlySpan<char> wireName, ref Utf8JsonReader reader)
    {
        var node = NodeAt(ref reader);
        try
        {
            model.GetFieldDeserializers()[wireName.ToString()](node);
            return true;
        }
        catch (Exception ex) when (IsConversionFailure(ex))
        {
            return false;
        }
    }
}
