using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.Batches;

/// <summary>
/// Writes a batch input file (JSONL, one <c>{"custom_id", "method", "url", "body"}</c> object a line) straight
/// to a file or any writable stream, such as an upload. It enforces what the batch API requires before the
/// file is sent: unique <c>custom_id</c>s, one endpoint and one model for every line, no streaming bodies, and
/// the documented limits of <see cref="NebiusLimits.BatchInputMaxLines"/> lines and
/// <see cref="NebiusLimits.BatchInputFileMaxBytes"/> bytes.
/// </summary>
/// <example>
/// <code>
/// await using (var writer = BatchInputWriter.CreateFile("input.jsonl"))
/// {
///     await writer.WriteAsync("q1", new ChatCompletionRequest { Model = model, Messages = [...] });
/// }
/// </code>
/// </example>
public sealed class BatchInputWriter : IAsyncDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly Stream _destination;
    private readonly bool _leaveOpen;
    private readonly HashSet<string> _customIds = new(StringComparer.Ordinal);
    private readonly ArrayBufferWriter<byte> _line = new(4096);
    private readonly long _maxBytes;
    private readonly int _maxLines;
    private bool _disposed;

    private BatchInputWriter(Stream destination, BatchEndpoint endpoint, bool leaveOpen, long maxBytes, int maxLines)
    {
        _destination = destination;
        _leaveOpen = leaveOpen;
        Endpoint = endpoint;
        _maxBytes = maxBytes;
        _maxLines = maxLines;
    }

    /// <summary>The endpoint every line targets.</summary>
    public BatchEndpoint Endpoint { get; }

    /// <summary>The endpoint's path, e.g. <c>/v1/chat/completions</c>.</summary>
    public string EndpointPath => PathOf(Endpoint);

    /// <summary>The model of the first line; every other line must use the same one.</summary>
    public string? Model { get; private set; }

    /// <summary>Lines written so far.</summary>
    public int LineCount { get; private set; }

    /// <summary>Bytes written so far.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Writes to <paramref name="destination"/>, which is disposed with the writer unless <paramref name="leaveOpen"/>.</summary>
    /// <param name="destination">A writable stream: a file, a pipe into an upload, a memory stream.</param>
    /// <param name="endpoint">The endpoint every line targets.</param>
    /// <param name="leaveOpen">Whether the stream stays open when the writer is disposed.</param>
    /// <exception cref="ArgumentException">The stream cannot be written, or the endpoint is unknown.</exception>
    public static BatchInputWriter Create(Stream destination, BatchEndpoint endpoint = BatchEndpoint.V1ChatCompletions, bool leaveOpen = false) =>
        Create(destination, endpoint, leaveOpen, NebiusLimits.BatchInputFileMaxBytes, NebiusLimits.BatchInputMaxLines);

    /// <summary>Creates (or replaces) the file at <paramref name="path"/> and writes to it.</summary>
    /// <param name="path">The JSONL file to write.</param>
    /// <param name="endpoint">The endpoint every line targets.</param>
    /// <exception cref="ArgumentException">An empty path or an unknown endpoint.</exception>
    public static BatchInputWriter CreateFile(string path, BatchEndpoint endpoint = BatchEndpoint.V1ChatCompletions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _ = PathOf(endpoint);
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024, FileOptions.Asynchronous);
        return Create(file, endpoint, leaveOpen: false);
    }

    /// <summary>For tests: the same writer with smaller limits.</summary>
    internal static BatchInputWriter Create(Stream destination, BatchEndpoint endpoint, bool leaveOpen, long maxBytes, int maxLines)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream cannot be written.", nameof(destination));
        }

        _ = PathOf(endpoint);
        return new BatchInputWriter(destination, endpoint, leaveOpen, maxBytes, maxLines);
    }

    /// <summary>Writes one chat completion request.</summary>
    /// <param name="customId">Your id for the line, unique within the file; results come back keyed by it.</param>
    /// <param name="body">The request; its model must match the other lines'.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ArgumentException">An empty or repeated <paramref name="customId"/>; an invalid body, a different model, or <c>stream: true</c>.</exception>
    /// <exception cref="InvalidOperationException">The writer targets another endpoint, or the line would cross a documented limit.</exception>
    public ValueTask WriteAsync(string customId, ChatCompletionRequest body, CancellationToken cancellationToken = default)
    {
        RequestChecks.Chat(body, nameof(body));
        if (body.Stream == true)
        {
            throw new ArgumentException("Batch lines cannot stream; leave body.stream unset.", nameof(body));
        }

        return WriteLineAsync(customId, BatchEndpoint.V1ChatCompletions, body, body.Model!, cancellationToken);
    }

    /// <summary>Writes one embeddings request.</summary>
    /// <param name="customId">Your id for the line, unique within the file; results come back keyed by it.</param>
    /// <param name="body">The request; its model must match the other lines'.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ArgumentException">An empty or repeated <paramref name="customId"/>; a body without model or input, or a different model.</exception>
    /// <exception cref="InvalidOperationException">The writer targets another endpoint, or the line would cross a documented limit.</exception>
    public ValueTask WriteAsync(string customId, EmbeddingRequest body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        RequestChecks.Required(body.Model, nameof(body), "model");
        if (body.Input is null)
        {
            throw new ArgumentException("body.input is required.", nameof(body));
        }

        return WriteLineAsync(customId, BatchEndpoint.V1Embeddings, body, body.Model!, cancellationToken);
    }

    /// <summary>Flushes what was written to the destination.</summary>
    /// <param name="cancellationToken">Cancels the flush.</param>
    public Task FlushAsync(CancellationToken cancellationToken = default) => _destination.FlushAsync(cancellationToken);

    /// <summary>Flushes, then closes the destination unless it was opened with <c>leaveOpen</c>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _destination.FlushAsync().ConfigureAwait(false);
        if (!_leaveOpen)
        {
            await _destination.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal static string PathOf(BatchEndpoint endpoint) => endpoint switch
    {
        BatchEndpoint.V1ChatCompletions => "/v1/chat/completions",
        BatchEndpoint.V1Embeddings => "/v1/embeddings",
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "Batches accept /v1/chat/completions and /v1/embeddings only."),
    };

    private async ValueTask WriteLineAsync(string customId, BatchEndpoint endpoint, IParsable body, string model, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(customId);
        if (endpoint != Endpoint)
        {
            throw new InvalidOperationException($"This file's lines target {EndpointPath}; one batch file holds one endpoint.");
        }

        if (Model is not null && !string.Equals(Model, model, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Every line of a batch file must use the same model: the file uses '{Model}', this line '{model}'.", nameof(body));
        }

        if (_customIds.Contains(customId))
        {
            throw new ArgumentException($"The custom_id '{customId}' is already in this file; custom ids must be unique.", nameof(customId));
        }

        if (LineCount >= _maxLines)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"A batch file holds at most {_maxLines:N0} lines."));
        }

        Format(customId, body);
        if (BytesWritten + _line.WrittenCount > _maxBytes)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"This line would take the batch file over its limit of {_maxBytes:N0} bytes."));
        }

        await _destination.WriteAsync(_line.WrittenMemory, cancellationToken).ConfigureAwait(false);
        _customIds.Add(customId);
        Model ??= model;
        LineCount++;
        BytesWritten += _line.WrittenCount;
    }

    private void Format(string customId, IParsable body)
    {
        using var serializer = new JsonSerializationWriter();
        serializer.WriteObjectValue(null, body);
        using var serialized = serializer.GetSerializedContent();
        var bodyJson = serialized is MemoryStream memory && memory.TryGetBuffer(out var segment) ? segment : ReadAll(serialized);

        _line.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_line))
        {
            json.WriteStartObject();
            json.WriteString("custom_id", customId);
            json.WriteString("method", "POST");
            json.WriteString("url", EndpointPath);
            json.WritePropertyName("body");
            json.WriteRawValue(bodyJson, skipInputValidation: true);
            json.WriteEndObject();
        }

        _line.Write(NewLine);
    }

    private static ArraySegment<byte> ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
