using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Nebius.TokenFactory.Serialization;

namespace Nebius.TokenFactory.Streaming;

/// <summary>
/// Turns the bytes of one SSE <c>data:</c> field into a frame: the terminator, an error object, or a chunk.
/// A chunk is read in one pass, in place, by the generated models' direct path
/// (<see cref="JsonModelReader"/>); an object that turns out to carry an <c>error</c> or <c>detail</c>
/// member the chunk does not know, an <c>event: error</c>, and anything that is no object are decided on a
/// <see cref="JsonDocument"/> over a copy instead. No intermediate string is built for a chunk.
/// </summary>
internal static class SseFrameParser
{
    private static ReadOnlySpan<byte> DoneMarker => "[DONE]"u8;

    public static SseFrame<T> Parse<T>(string eventType, ReadOnlySpan<byte> data, ParsableFactory<T> factory, SecretRedactor? redactor, IDictionary<string, IEnumerable<string>>? headers = null)
        where T : IParsable
    {
        var trimmed = data.Trim(" \t\r\n"u8);
        try
        {
            return ParseTrimmed(eventType, trimmed, factory, redactor, headers);
        }
        catch (Exception ex) when (BodyFault.IsReadFailure(ex))
        {
            // Malformed JSON, invalid UTF-8 in a string, a number out of range: the frame is described, not thrown raw.
            return Malformed<T>(trimmed, ex, redactor);
        }
    }

    private static SseFrame<T> ParseTrimmed<T>(string eventType, ReadOnlySpan<byte> trimmed, ParsableFactory<T> factory, SecretRedactor? redactor, IDictionary<string, IEnumerable<string>>? headers)
        where T : IParsable
    {
        if (trimmed.IsEmpty)
        {
            return new SseFrame<T>(SseFrameKind.Empty);
        }

        if (trimmed.SequenceEqual(DoneMarker))
        {
            return new SseFrame<T>(SseFrameKind.Done);
        }

        if (trimmed[0] == (byte)'{' && !string.Equals(eventType, "error", StringComparison.OrdinalIgnoreCase) && ErrorMembers<T>.AreUnknown(factory))
        {
            var chunk = JsonModelReader.Read(trimmed, factory);
            if (chunk is not IJsonModel { AdditionalDataIfAny: { } extra } || !(extra.ContainsKey("error") || extra.ContainsKey("detail")))
            {
                return new SseFrame<T>(SseFrameKind.Chunk, chunk);
            }
        }

        return FromDocument(eventType, trimmed, factory, redactor, headers);
    }

    private static SseFrame<T> Malformed<T>(ReadOnlySpan<byte> trimmed, Exception cause, SecretRedactor? redactor)
        where T : IParsable =>
        new(SseFrameKind.Malformed, Fault: BodyFault.Of(trimmed, cause, redactor), Cause: cause);

    /// <summary>The rare frames: parsed into a pooled document over a rented copy, disposed once the frame is built (the frame keeps no element of it).</summary>
    private static SseFrame<T> FromDocument<T>(string eventType, ReadOnlySpan<byte> trimmed, ParsableFactory<T> factory, SecretRedactor? redactor, IDictionary<string, IEnumerable<string>>? headers)
        where T : IParsable
    {
        var buffer = ArrayPool<byte>.Shared.Rent(trimmed.Length);
        try
        {
            trimmed.CopyTo(buffer);
            using (var document = JsonDocument.Parse(buffer.AsMemory(0, trimmed.Length)))
            {
                return FrameOf(eventType, document.RootElement, trimmed, factory, redactor, headers);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static SseFrame<T> FrameOf<T>(string eventType, JsonElement root, ReadOnlySpan<byte> trimmed, ParsableFactory<T> factory, SecretRedactor? redactor, IDictionary<string, IEnumerable<string>>? headers)
        where T : IParsable
    {
        if (IsError(eventType, root))
        {
            return new SseFrame<T>(SseFrameKind.Error, Error: ErrorFrom(root, redactor, headers));
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return Malformed<T>(trimmed, new JsonException($"The event's data is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object."), redactor);
        }

        var chunk = JsonModelReader.Read(JsonMarshal.GetRawUtf8Value(root), factory);
        return new SseFrame<T>(SseFrameKind.Chunk, chunk);
    }

    /// <summary>vLLM and OpenAI send <c>{"error": {...}}</c> mid-stream; FastAPI sends <c>{"detail": ...}</c>; some servers use <c>event: error</c>.</summary>
    private static bool IsError(string eventType, JsonElement root) =>
        string.Equals(eventType, "error", StringComparison.OrdinalIgnoreCase)
        || root.ValueKind == JsonValueKind.Object
            && !root.TryGetProperty("choices", out _)
            && (root.TryGetProperty("error", out _) || root.TryGetProperty("detail", out _));

    private static NebiusErrorDetails ErrorFrom(JsonElement root, SecretRedactor? redactor, IDictionary<string, IEnumerable<string>>? headers)
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
        return new NebiusErrorDetails(status, headers)
        {
            Detail = redactor?.Redact(detail) ?? detail ?? "The server reported an error in the middle of the stream.",
            ValidationErrors = redactor is null ? issues : [.. issues.Select(redactor.Redact)],
            ResponseBody = redactor?.Redact(root.GetRawText()) ?? root.GetRawText(),
        };
    }

    /// <summary>Whether the chunk type leaves <c>error</c> and <c>detail</c> to its additional data (so the one-pass read can tell an error frame), asked once per type.</summary>
    /// <typeparam name="T">The chunk type.</typeparam>
    private static class ErrorMembers<T>
        where T : IParsable
    {
        private static int _answer;

        public static bool AreUnknown(ParsableFactory<T> factory)
        {
            if (_answer == 0)
            {
                var unknown = DirectReaders<T>.Prototype(factory) is { } prototype
                    && prototype.GetFieldDeserializers() is var fields
                    && !fields.ContainsKey("error") && !fields.ContainsKey("detail");
                _answer = unknown ? 1 : 2;
            }

            return _answer == 1;
        }
    }
}
