using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.Batches;

/// <summary>
/// Reads batch output and error files line by line as they stream in (nothing is held but the current line).
/// Tolerant of the shapes seen: Nebius's <c>{"id", "custom_id", "response": &lt;the completion&gt;, "error"}</c>,
/// OpenAI's <c>"response": {"status_code", "body"}</c>, an error given as an object or as plain text, blank
/// lines, and lines in any order. A line that is not JSON or has no <c>custom_id</c> fails with its number.
/// </summary>
public static class BatchResultReader
{
    /// <summary>Reads chat completion results.</summary>
    /// <param name="file">The output or error file's bytes (left open).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="InvalidDataException">A line is not JSON or lacks <c>custom_id</c>.</exception>
    public static IAsyncEnumerable<BatchResultLine<ChatCompletionResponse>> ReadChatCompletionsAsync(Stream file, CancellationToken cancellationToken = default) =>
        ReadAsync(file, ChatCompletionResponse.CreateFromDiscriminatorValue, cancellationToken);

    /// <summary>Reads embedding results.</summary>
    /// <param name="file">The output or error file's bytes (left open).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="InvalidDataException">A line is not JSON or lacks <c>custom_id</c>.</exception>
    public static IAsyncEnumerable<BatchResultLine<EmbeddingResponse>> ReadEmbeddingsAsync(Stream file, CancellationToken cancellationToken = default) =>
        ReadAsync(file, EmbeddingResponse.CreateFromDiscriminatorValue, cancellationToken);

    /// <summary>Reads results whose responses parse with <paramref name="factory"/>.</summary>
    /// <typeparam name="TResponse">The response model.</typeparam>
    /// <param name="file">The output or error file's bytes (left open).</param>
    /// <param name="factory">The response model's <c>CreateFromDiscriminatorValue</c>.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="InvalidDataException">A line is not JSON or lacks <c>custom_id</c>.</exception>
    public static IAsyncEnumerable<BatchResultLine<TResponse>> ReadAsync<TResponse>(Stream file, ParsableFactory<TResponse> factory, CancellationToken cancellationToken = default)
        where TResponse : class, IParsable
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(factory);
        if (!file.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(file));
        }

        return ReadLinesAsync(file, factory, cancellationToken);
    }

    /// <summary>Parses one line; null for a blank one.</summary>
    internal static BatchResultLine<TResponse>? ParseLine<TResponse>(string line, int lineNumber, ParsableFactory<TResponse> factory)
        where TResponse : class, IParsable
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }

        // Cloned out of the pooled document: the models may keep elements of it (additional data).
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(line);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Line {lineNumber} of the batch file is not JSON: {ex.Message}", ex);
        }

        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("custom_id", out var customId) || customId.ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException($"Line {lineNumber} of the batch file has no custom_id.");
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
                Response = response is { ValueKind: JsonValueKind.Object } value ? new JsonParseNode(value).GetObjectValue(factory) : null,
                StatusCode = status,
                Error = error,
                LineNumber = lineNumber,
            };
        }
    }

    private static async IAsyncEnumerable<BatchResultLine<TResponse>> ReadLinesAsync<TResponse>(Stream file, ParsableFactory<TResponse> factory, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TResponse : class, IParsable
    {
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (ParseLine(line, number, factory) is { } result)
            {
                yield return result;
            }
        }
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static BatchLineError? ReadError(JsonElement? error) => error switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } text => new BatchLineError { Message = text.GetString() },
        { ValueKind: JsonValueKind.Object } value => new JsonParseNode(value).GetObjectValue(BatchLineError.CreateFromDiscriminatorValue),
        { } other => new BatchLineError { Message = other.GetRawText() },
    };
}
