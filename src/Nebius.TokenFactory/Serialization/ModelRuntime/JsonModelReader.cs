using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Serialization;

/// <summary>
/// The one way a byte becomes a model: the generated models read themselves from a
/// <see cref="Utf8JsonReader"/> (their <see cref="IJsonModel.ReadField"/> and static <c>ReadJson</c>),
/// driven from here; whatever they do not read directly goes to <see cref="KiotaFallback"/>. Syntax is
/// checked as <see cref="JsonDocument"/> checks it (one value, no trailing content, default depth).
/// </summary>
internal static class JsonModelReader
{
    /// <summary>Property names up to this many characters are decoded on the stack.</summary>
    private const int StackNameLimit = 128;

    /// <summary>The payload, one JSON value, as a <typeparamref name="T"/>. Nothing read keeps a reference to <paramref name="json"/>.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="json">One JSON value, without a byte order mark.</param>
    /// <param name="factory">The model's factory.</param>
    public static T Read<T>(ReadOnlySpan<byte> json, ParsableFactory<T> factory)
        where T : IParsable
    {
        ArgumentNullException.ThrowIfNull(factory);
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var model = ReadValue(ref reader, factory);
        JsonValueEnd.Require(ref reader);
        return model;
    }

    /// <summary>The value the reader is on as a <typeparamref name="T"/>; leaves the reader on the value's last token.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <param name="factory">The model's factory.</param>
    public static T ReadValue<T>(ref Utf8JsonReader reader, ParsableFactory<T> factory)
        where T : IParsable =>
        DirectReaders<T>.Prototype(factory) is { } prototype ? (T)prototype.ReadNew(ref reader) : KiotaFallback.Read(ref reader, factory);

    /// <summary>
    /// Reads the object the reader is on (its start) into <paramref name="model"/>, a new model of the type the
    /// object's discriminator chose; leaves the reader on the object's end. A property the model does not know
    /// goes to its additional data.
    /// </summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="reader">The reader, on the object's start.</param>
    /// <param name="model">The new model.</param>
    public static T ReadFields<T>(ref Utf8JsonReader reader, T model)
        where T : IJsonModel
    {
        Span<char> buffer = stackalloc char[StackNameLimit];
        var sawNull = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // The name, decoded into the buffer when short and unescaped, else allocated.
            scoped ReadOnlySpan<char> wireName;
            if (!reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length <= buffer.Length)
            {
                wireName = buffer[..System.Text.Encoding.UTF8.GetChars(reader.ValueSpan, buffer)];
            }
            else
            {
                wireName = reader.GetString().AsSpan();
            }

            reader.Read();
            var isNull = reader.TokenType == JsonTokenType.Null;
            if (!model.ReadField(wireName, ref reader))
            {
                AdditionalValues.Add(model, wireName, ref reader);
            }
            else if (isNull)
            {
                sawNull = true;
            }
            else if (sawNull && model.RecordedNulls is { } nulls)
            {
                // A key repeated with a value after its null: the value stands, as Kiota's after-the-fact check has it.
                nulls.Remove(wireName.ToString());
            }
        }

        return model;
    }

    /// <summary>
    /// Reads the array the reader is on (its start) as models, each element by <paramref name="read"/>, when
    /// every element is an object or null; otherwise leaves the reader on the array's start and returns false
    /// (the array is then kept whole, see <see cref="KeepMismatched"/>).
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="reader">The reader, on the array's start.</param>
    /// <param name="read">Reads one element from its first token.</param>
    /// <param name="list">The models read.</param>
    public static bool TryReadModels<T>(ref Utf8JsonReader reader, JsonValueRead<T> read, out List<T> list)
    {
        list = null!;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var start = reader;
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.Null))
            {
                reader = start;
                return false;
            }

            items.Add(read(ref reader));
        }

        list = items;
        return true;
    }

    /// <summary>Reads the value the reader is on as a union; false, with the reader unmoved, when no member can hold it.</summary>
    /// <typeparam name="T">The union type.</typeparam>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <param name="read">The union's reader.</param>
    /// <param name="value">The union read.</param>
    public static bool TryReadUnion<T>(ref Utf8JsonReader reader, JsonValueRead<T> read, out T value)
        where T : IJsonUnion
    {
        var start = reader;
        value = read(ref reader);
        if (value.HasMember)
        {
            return true;
        }

        reader = start;
        return false;
    }

    /// <summary>
    /// Reads the array the reader is on as unions, each element by <paramref name="read"/> (a JSON null gives an
    /// empty union, as Kiota's node does); false, with the reader unmoved, when an element fits no member.
    /// </summary>
    /// <typeparam name="T">The union type.</typeparam>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <param name="read">The union's reader.</param>
    /// <param name="list">The unions read.</param>
    public static bool TryReadUnions<T>(ref Utf8JsonReader reader, JsonValueRead<T> read, out List<T> list)
        where T : IJsonUnion
    {
        list = null!;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var start = reader;
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var isNull = reader.TokenType == JsonTokenType.Null;
            var item = read(ref reader);
            if (!isNull && !item.HasMember)
            {
                reader = start;
                return false;
            }

            items.Add(item);
        }

        list = items;
        return true;
    }

    /// <summary>
    /// Keeps a value of the wrong kind, or out of range, for a known property: the typed property stays null
    /// and the value goes, unchanged, to the model's additional data under its wire name (as a
    /// <see cref="JsonElement"/>, which writes back as it came). Nothing the server sent is dropped.
    /// </summary>
    /// <returns>True: the field is known.</returns>
    /// <param name="model">The model being read.</param>
    /// <param name="wireName">The JSON property name.</param>
    /// <param name="reader">The reader, on the value's first token; left on its last token.</param>
    public static bool KeepMismatched(IParsable model, scoped ReadOnlySpan<char> wireName, ref Utf8JsonReader reader)
    {
        var value = JsonElement.ParseValue(ref reader);
        if (model is IAdditionalDataHolder holder)
        {
            (holder.AdditionalData ??= new Dictionary<string, object>())[wireName.ToString()] = value;
        }

        return true;
    }

    /// <summary>
    /// The string value of the property <paramref name="name"/> of the object the reader is on, looked up on
    /// a copy of the reader (the caller's does not move): how a discriminator is read before the model is made.
    /// </summary>
    /// <returns>The string, or null when the property is absent or no string.</returns>
    /// <param name="reader">A copy of the reader, on the object's start.</param>
    /// <param name="name">The property's UTF-8 name.</param>
    public static string? PeekString(Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        // The last occurrence wins, as JsonElement.TryGetProperty (behind Kiota's GetChildNode) finds it.
        string? found = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var matches = reader.ValueTextEquals(name);
            reader.Read();
            if (matches)
            {
                found = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return found;
    }
}

/// <summary>Reads one value from the reader, which is on its first token, and leaves it on the value's last token.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="reader">The reader.</param>
internal delegate T JsonValueRead<T>(ref Utf8JsonReader reader);
