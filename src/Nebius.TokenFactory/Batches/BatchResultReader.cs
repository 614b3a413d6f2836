using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Serialization;

namespace Nebius.TokenFactory.Batches;

/// <summary>
/// Reads batch output and error files line by line as they stream in (nothing is held but the current line).
/// Tolerant of the shapes seen: Nebius's <c>{"id", "custom_id", "response": &lt;the completion&gt;, "error"}</c>,
/// OpenAI's <c>"response": {"status_code", "body"}</c>, an error given as an object or as plain text, blank
/// lines, and lines in any order. A line that cannot be read (not JSON, no <c>custom_id</c>, a response that does
/// not parse) fails the read with its number and <c>custom_id</c> (<see cref="BatchReadMode.Strict"/>, the default),
/// or becomes a malformed result line of its own while reading goes on (<see cref="BatchReadMode.Lenient"/>).
/// </summary>
public static class BatchResultReader
{
    /// <summary>Reads chat completion results.</summary>
    /// <param name="file">The output or error file's bytes (left open).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="InvalidDataException">A line cannot be read: not JSON, no <c>custom_id</c>, or a response that does not parse.</exception>
    public static IAsyncEnumerable<BatchResultLine<ChatCompletionResponse>> ReadChatCompletionsAsync(Stream file, CancellationToken cancellationToken = default) =>
        ReadAsync(file, ChatCompletionResponse.CreateFromDiscriminatorValue, BatchReadMode.Strict, cancellationToken);

    /// <summary>Reads chat completion results, with a choice of what a line that cannot be read does.</summary>
    /// <param name="file">The output or error file's bytes (left open).</param>
    /// <param name="mode">Strict (fail at such a line) or lenient (yield it as malformed and go on).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="InvalidDataException">Strict reading met a line that cannot be read.</exception>
    public static IAsyncEnumerable<BatchResultLine<ChatCompletionResponse>> ReadChatCompletionsAsync(Stream file, BatchReadMode mode, CancellationToken cancellationToken = default) =>
        ReadAsync(file, ChatCompletionResponse.CreateFromDiscriminatorValue, mode, cancellationToken);

    /// <summary>Reads embedding results.</summary>
    /// <param name="file">The output or error file's bytes (left open).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="InvalidDataException">A line cannot be read: not JSON, no <c>custom_id</c>, or a response that does not parse.</exception>
    public static IAsyncEnumerable<BatchResultLine<EmbeddingResponse>> ReadEmbeddingsAsync(Stream file, CancellationToken cancellationToken = default) =>
        ReadAsync(file, EmbeddingResponse.CreateFromDiscriminatorValue, BatchReadMode.Strict, cancellationToken);

    /// <summary>Reads embedding results, with a choice of what a line that cannot be read does.</summary>
    /// <param name="file">The output or error file's bytes (left open).</param>
    /// <param name="mode">Strict (fail at such a line) or lenient (yield it as malformed and go on).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="InvalidDataException">Strict reading met a line that cannot be read.</exception>
    public static IAsyncEnumerable<BatchResultLine<EmbeddingResponse>> ReadEmbeddingsAsync(Stream file, BatchReadMode mode, CancellationToken cancellationToken = default) =>
        ReadAsync(file, EmbeddingResponse.CreateFromDiscriminatorValue, mode, cancellationToken);

    /// <summary>Reads results whose responses parse with <paramref name="factory"/>.</summary>
    /// <typeparam name="TResponse">The response model.</typeparam>
    /// <param name="file">The output or error file's bytes (left open).</param>
    /// <param name="factory">The response model's <c>CreateFromDiscriminatorValue</c>.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="InvalidDataException">A line cannot be read: not JSON, no <c>custom_id</c>, or a response that does not parse.</exception>
    public static IAsyncEnumerable<BatchResultLine<TResponse>> ReadAsync<TResponse>(Stream file, ParsableFactory<TResponse> factory, CancellationToken cancellationToken = default)
        where TResponse : class, IParsable =>
        ReadAsync(file, factory, BatchReadMode.Strict, cancellationToken);

    /// <summary>Reads results whose responses parse with <paramref name="factory"/>, with a choice of what a line that cannot be read does.</summary>
    /// <typeparam name="TResponse">The response model.</typeparam>
    /// <param name="file">The output or error file's bytes (left open).</param>
    /// <param name="factory">The response model's <c>CreateFromDiscriminatorValue</c>.</param>
    /// <param name="mode">Strict (fail at such a line) or lenient (yield it as malformed and go on).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="ArgumentException">The stream cannot be read, or <paramref name="mode"/> is not a defined value.</exception>
    /// <exception cref="InvalidDataException">Strict reading met a line that cannot be read.</exception>
    public static IAsyncEnumerable<BatchResultLine<TResponse>> ReadAsync<TResponse>(Stream file, ParsableFactory<TResponse> factory, BatchReadMode mode, CancellationToken cancellationToken = default)
        where TResponse : class, IParsable
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(factory);
        if (!file.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(file));
        }

        CheckMode(mode, nameof(mode));
        return ReadLinesAsync(file, factory, mode, cancellationToken);
    }

    /// <summary>Refuses a value outside the enum (a cast integer), naming the caller's parameter.</summary>
    internal static void CheckMode(BatchReadMode mode, string parameterName)
    {
        if (mode is not (BatchReadMode.Strict or BatchReadMode.Lenient))
        {
            throw new ArgumentOutOfRangeException(parameterName, mode, "Batch results are read Strict or Lenient.");
        }
    }

    /// <summary>Parses one line's UTF-8 bytes; null for a blank one. What is wrong with a bad line is thrown as a reason ("is not JSON: …") that <see cref="Unreadable"/> puts after the line's number.</summary>
    internal static BatchResultLine<TResponse>? ParseLine<TResponse>(ReadOnlySequence<byte> line, int lineNumber, ParsableFactory<TResponse> factory)
        where TResponse : class, IParsable
    {
        if (IsBlank(line))
        {
            return null;
        }

        // The usual line (Nebius's shape) is read in place: its top level found in one pass, the response read
        // straight from its bytes by the generated direct path. The wrapper shape, and lines that are no object, go
        // through the element below.
        var contiguous = line.IsSingleSegment ? null : ArrayPool<byte>.Shared.Rent(checked((int)line.Length));
        try
        {
            ReadOnlyMemory<byte> bytes = contiguous is null ? line.First : contiguous.AsMemory(0, (int)line.Length);
            if (contiguous is not null)
            {
                line.CopyTo(contiguous);
            }

            if (TryReadLayout(bytes.Span, lineNumber, out var layout) && !layout.ResponseIsWrapped)
            {
                return InPlace(bytes, layout, lineNumber, factory);
            }
        }
        finally
        {
            if (contiguous is not null)
            {
                ArrayPool<byte>.Shared.Return(contiguous);
            }
        }

        // ParseValue builds a document the element owns (no pooled buffers to return), so the models may keep
        // elements of it as additional data without the copy a disposed-and-cloned JsonDocument would need.
        JsonElement root;
        try
        {
            var json = new Utf8JsonReader(line);
            root = JsonElement.ParseValue(ref json);
            if (json.Read())
            {
                throw new JsonException("More than one JSON value on the line.");
            }
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"is not JSON: {ex.Message}", ex);
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("custom_id", out var customId) || customId.ValueKind != JsonValueKind.String)
        {
            throw new InvalidDataException("has no custom_id.");
        }

        var response = Property(root, "response");
        int? status = null;
        BatchLineError? error = ReadError(Property(root, "error"));

        // OpenAI wraps the completion as {status_code, request_id, body}; Nebius sends the completion itself.
        if (response is { } wrapper && Property(wrapper, "body") is { } body && wrapper.TryGetProperty("status_code", out var code) && code.TryGetInt32(out var parsed))
        {
            status = parsed;
            error ??= parsed is >= 200 and < 300 ? null : ReadError(Property(body, "error")) ?? new BatchLineError { Message = $"HTTP {parsed}" };
            response = parsed is >= 200 and < 300 ? body : null;
        }

        return new BatchResultLine<TResponse>
        {
            Id = Property(root, "id") is { ValueKind: JsonValueKind.String } id ? id.GetString() : null,
            CustomId = customId.GetString()!,
            Response = response is { ValueKind: JsonValueKind.Object } value ? JsonModelReader.Read(JsonMarshal.GetRawUtf8Value(value), factory) : null,
            StatusCode = status,
            Error = error,
            LineNumber = lineNumber,
        };
    }

    private static bool TryReadLayout(ReadOnlySpan<byte> line, int lineNumber, out BatchLineLayout layout)
    {
        try
        {
            return BatchLineLayout.TryRead(line, out layout);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"is not JSON: {ex.Message}", ex);
        }
    }

    /// <summary>A line of Nebius's shape, read from its bytes: the response through the direct path, an error (rare) through an element.</summary>
    private static BatchResultLine<TResponse> InPlace<TResponse>(ReadOnlyMemory<byte> line, BatchLineLayout layout, int lineNumber, ParsableFactory<TResponse> factory)
        where TResponse : class, IParsable
    {
        var customId = layout.CustomId.StringIn(line.Span) ?? throw new InvalidDataException("has no custom_id.");
        BatchLineError? error = null;
        if (layout.Error.IsPresent)
        {
            var reader = new Utf8JsonReader(layout.Error.Of(line).Span);
            error = ReadError(JsonElement.ParseValue(ref reader));
        }

        return new BatchResultLine<TResponse>
        {
            Id = layout.Id.StringIn(line.Span),
            CustomId = customId,
            Response = layout.Response.Token == JsonTokenType.StartObject ? JsonModelReader.Read(layout.Response.Of(line).Span, factory) : null,
            Error = error,
            LineNumber = lineNumber,
        };
    }

    /// <summary>
    /// Cuts the stream into lines on <c>\n</c> without decoding to strings: each line's bytes go straight to the
    /// JSON reader (a batch file has up to 5,000,000 lines, so a per-line string is the largest avoidable cost).
    /// </summary>
    private static async IAsyncEnumerable<BatchResultLine<TResponse>> ReadLinesAsync<TResponse>(Stream file, ParsableFactory<TResponse> factory, BatchReadMode mode, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TResponse : class, IParsable
    {
        var pipe = PipeReader.Create(file, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        var number = 0;
        try
        {
            while (true)
            {
                var read = await pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = read.Buffer;
                var results = new List<BatchResultLine<TResponse>>();
                while (buffer.PositionOf((byte)'\n') is { } end)
                {
                    number++;
                    if (ReadLine(WithoutByteOrderMark(buffer.Slice(0, end), number), number, factory, mode) is { } line)
                    {
                        results.Add(line);
                    }

                    buffer = buffer.Slice(buffer.GetPosition(1, end));
                }

                if (read.IsCompleted && !buffer.IsEmpty)
                {
                    number++;
                    if (ReadLine(WithoutByteOrderMark(buffer, number), number, factory, mode) is { } last)
                    {
                        results.Add(last);
                    }

                    buffer = buffer.Slice(buffer.End);
                }

                // The parsed lines own their data, so the pipe's buffer can be released before they are handed out.
                pipe.AdvanceTo(buffer.Start, buffer.End);
                foreach (var result in results)
                {
                    yield return result;
                }

                if (read.IsCompleted)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await pipe.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>One line as the mode wants it: parsed, or, when it cannot be read, an exception (strict) or a malformed line (lenient).</summary>
    private static BatchResultLine<TResponse>? ReadLine<TResponse>(ReadOnlySequence<byte> line, int lineNumber, ParsableFactory<TResponse> factory, BatchReadMode mode)
        where TResponse : class, IParsable
    {
        try
        {
            return ParseLine(line, lineNumber, factory);
        }
        catch (Exception ex) when (IsUnreadableLine(ex))
        {
            var customId = BatchLineSalvage.CustomIdOf(line);
            var message = Unreadable(lineNumber, customId, ex);
            return mode == BatchReadMode.Lenient
                ? BatchResultLine<TResponse>.Malformed(lineNumber, customId, message)
                : throw BatchLineFailure.Create(message, lineNumber, customId, ex);
        }
    }

    /// <summary>
    /// What a line's bytes can throw while being read: the reasons of <see cref="ParseLine"/>, the JSON reader's
    /// errors (syntax, depth), text that is not UTF-8, numbers out of range. Anything else is a bug and passes through.
    /// </summary>
    private static bool IsUnreadableLine(Exception ex) =>
        ex is InvalidDataException or JsonException or InvalidOperationException or FormatException or OverflowException or System.Text.DecoderFallbackException;

    /// <summary>"Line 12 of the batch file (custom_id "q7") is not JSON: …": the reason, after the line's number and id.</summary>
    private static string Unreadable(int lineNumber, string? customId, Exception ex)
    {
        var reason = ex is InvalidDataException ? ex.Message : $"cannot be read: {ex.Message}";
        return customId is null
            ? $"Line {lineNumber} of the batch file {reason}"
            : $"Line {lineNumber} of the batch file (custom_id \"{customId}\") {reason}";
    }

    private static ReadOnlySequence<byte> WithoutByteOrderMark(ReadOnlySequence<byte> line, int lineNumber) =>
        lineNumber == 1 && line.Length >= 3 && line.Slice(0, 3).ToArray() is [0xEF, 0xBB, 0xBF] ? line.Slice(3) : line;

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            if (segment.Span.IndexOfAnyExcept(" \t\r"u8) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static BatchLineError? ReadError(JsonElement? error) => error switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } text => new BatchLineError { Message = text.GetString() },
        { ValueKind: JsonValueKind.Object } value => JsonModelReader.Read(JsonMarshal.GetRawUtf8Value(value), BatchLineError.CreateFromDiscriminatorValue),
        { } other => new BatchLineError { Message = other.GetRawText() },
    };
}
