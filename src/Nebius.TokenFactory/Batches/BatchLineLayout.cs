using System.Text.Json;
using Nebius.TokenFactory.Serialization;

namespace Nebius.TokenFactory.Batches;

/// <summary>Where one top-level value of a batch line lies: its first token and its bytes (a string with its quotes).</summary>
/// <param name="Token">The value's first token; None when the line has no such property.</param>
/// <param name="Start">The offset of the value's first byte in the line.</param>
/// <param name="Length">The value's length in bytes.</param>
internal readonly record struct LineValue(JsonTokenType Token, int Start, int Length)
{
    public bool IsPresent => Token is not JsonTokenType.None and not JsonTokenType.Null;

    public ReadOnlyMemory<byte> Of(ReadOnlyMemory<byte> line) => line.Slice(Start, Length);

    /// <summary>The value as a string, or null when it is no string.</summary>
    public string? StringIn(ReadOnlySpan<byte> line)
    {
        if (Token != JsonTokenType.String)
        {
            return null;
        }

        var reader = new Utf8JsonReader(line.Slice(Start, Length));
        reader.Read();
        return reader.GetString();
    }
}

/// <summary>
/// The top level of a batch line, found in one pass of a reader that skips every value (which checks the
/// line's syntax as parsing it whole would): where <c>id</c>, <c>custom_id</c>, <c>response</c> and
/// <c>error</c> are, the last of each name as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>
/// finds it, and whether the response is OpenAI's <c>{"status_code", "body"}</c> wrapper.
/// </summary>
internal readonly record struct BatchLineLayout(LineValue Id, LineValue CustomId, LineValue Response, LineValue Error, bool ResponseIsWrapped)
{
    /// <summary>The layout of <paramref name="line"/>; false, with the rest unread, when its value is not an object.</summary>
    /// <exception cref="JsonException">The line is not JSON, or has more than one value.</exception>
    public static bool TryRead(ReadOnlySpan<byte> line, out BatchLineLayout layout)
    {
        layout = default;
        var reader = new Utf8JsonReader(line);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            // Left to the caller's general path, which parses the line whole and reports what is wrong with it.
            return false;
        }

        LineValue id = default, customId = default, response = default, error = default, other = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ref var slot = ref reader.ValueTextEquals("custom_id"u8) ? ref customId
                : ref reader.ValueTextEquals("id"u8) ? ref id
                : ref reader.ValueTextEquals("response"u8) ? ref response
                : ref reader.ValueTextEquals("error"u8) ? ref error
                : ref other;
            reader.Read();
            var start = checked((int)reader.TokenStartIndex);
            var token = reader.TokenType;
            reader.Skip();
            slot = new LineValue(token, start, checked((int)reader.BytesConsumed) - start);
        }

        JsonValueEnd.Require(ref reader);

        layout = new BatchLineLayout(id, customId, response, error, response.Token == JsonTokenType.StartObject && HasBody(line.Slice(response.Start, response.Length)));
        return true;
    }

    /// <summary>Whether the response object has a <c>body</c> property (the wrapper's shape), read at its top level only.</summary>
    private static bool HasBody(ReadOnlySpan<byte> response)
    {
        var reader = new Utf8JsonReader(response);
        reader.Read();
        var found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            found |= reader.ValueTextEquals("body"u8);
            reader.Read();
            reader.Skip();
        }

        return found;
    }
}
