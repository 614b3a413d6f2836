using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Nebius.TokenFactory.Serialization;

namespace Nebius.TokenFactory.Streaming;

/// <summary>
/// Turns the bytes of one SSE <c>data:</c> field into a frame: the terminator, an error object, or a chunk.
/// The bytes are copied once into a rented buffer; a chunk is read from it by the generated models' direct
/// path (<see cref="DirectJsonReader"/>) after one pass of the reader over the top level has checked the
/// syntax and that the object is no error. Errors and anything unusual are read with a pooled
/// <see cref="JsonDocument"/> over the same copy. No intermediate string is built for a chunk.
/// </summary>
internal static class SseFrameParser
{
    private static ReadOnlySpan<byte> DoneMarker => "[DONE]"u8;

    public static SseFrame<T> Parse<T>(string eventType, ReadOnlySpan<byte> data, ParsableFactory<T> factory, SecretRedactor? redactor)
        where T : IParsable
    {
        var trimmed = data.Trim(" \t\r\n"u8);
        if (trimmed.IsEmpty)
        {
            return new SseFrame<T>(SseFrameKind.Empty);
        }

        if (trimmed.SequenceEqual(DoneMarker))
        {
            return new SseFrame<T>(SseFrameKind.Done);
        }

        // The frame is parsed in place: the data is copied once into a rented buffer and read by a pooled
        // document that is disposed as soon as the chunk is built, since the chunk keeps no element of it.
        var buffer = ArrayPool<byte>.Shared.Rent(trimmed.Length);
        try
        {
            trimmed.CopyTo(buffer);
            var json = buffer.AsMemory(0, trimmed.Length);
            if (IsPlainObject(eventType, json.Span))
            {
                return new SseFrame<T>(SseFrameKind.Chunk, DirectJsonReader.Read(json, factory));
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json);
            }
            catch (JsonException)
            {
                return new SseFrame<T>(SseFrameKind.Malformed, Text: Preview(trimmed));
            }

            using (document)
            {
                return FrameOf(eventType, document.RootElement, trimmed, factory, redactor);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static SseFrame<T> FrameOf<T>(string eventType, JsonElement root, ReadOnlySpan<byte> trimmed, ParsableFactory<T> factory, SecretRedactor? redactor)
        where T : IParsable
    {
        if (IsError(eventType, root))
        {
            return new SseFrame<T>(SseFrameKind.Error, Error: ErrorFrom(root, redactor));
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return new SseFrame<T>(SseFrameKind.Malformed, Text: Preview(trimmed));
        }

        var chunk = new NebiusJsonParseNode(root).GetObjectValue(factory);
        return new SseFrame<T>(SseFrameKind.Chunk, chunk);
    }

    /// <summary>
    /// Whether the data is one well-formed JSON object that <see cref="IsError"/> would not call an error:
    /// the top-level names are read and every value skipped (which checks its syntax as JsonDocument would).
    /// </summary>
    private static bool IsPlainObject(string eventType, ReadOnlySpan<byte> json)
    {
        if (string.Equals(eventType, "error", StringComparison.OrdinalIgnoreCase) || json[0] != (byte)'{')
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(json);
            reader.Read();
            bool choices = false, errorLike = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                choices |= reader.ValueTextEquals("choices"u8);
                errorLike |= reader.ValueTextEquals("error"u8) || reader.ValueTextEquals("detail"u8);
                reader.Read();
                reader.Skip();
            }

            JsonValueEnd.Require(ref reader);

            return choices || !errorLike;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>vLLM and OpenAI send <c>{"error": {...}}</c> mid-stream; FastAPI sends <c>{"detail": ...}</c>; some servers use <c>event: error</c>.</summary>
    private static bool IsError(string eventType, JsonElement root) =>
        string.Equals(eventType, "error", StringComparison.OrdinalIgnoreCase)
        || root.ValueKind == JsonValueKind.Object
            && !root.TryGetProperty("choices", out _)
            && (root.TryGetProperty("error", out _) || root.TryGetProperty("detail", out _));

    private static NebiusErrorDetails ErrorFrom(JsonElement root, SecretRedactor? redactor)
    {
        var status = 500;
        if (root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
            && error.TryGetProperty("code", out var code))
        {
            // vLLM puts the HTTP status in error.code; OpenAI sometimes a string code, which is no status.
            if (code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out var number) && number is >= 400 and <= 599)
            {
                status = number;
            }
            else if (code.ValueKind == JsonValueKind.String && int.TryParse(code.GetString(), out var parsed) && parsed is >= 400 and <= 599)
            {
                status = parsed;
            }
        }

        var (detail, issues) = Nebius.TokenFactory.ApiExceptionTranslator.ReadDetail(root);
        return new NebiusErrorDetails(status)
        {
            Detail = redactor?.Redact(detail) ?? detail ?? "The server reported an error in the middle of the stream.",
            ValidationErrors = redactor is null ? issues : [.. issues.Select(redactor.Redact)],
            ResponseBody = redactor?.Redact(root.GetRawText()) ?? root.GetRawText(),
        };
    }

    private static string Preview(ReadOnlySpan<byte> data)
    {
        const int Max = 200;
        var text = Encoding.UTF8.GetString(data.Length > Max ? data[..Max] : data);
        return data.Length > Max ? text + "…" : text;
    }
}
