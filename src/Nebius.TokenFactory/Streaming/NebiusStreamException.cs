namespace Nebius.TokenFactory;

/// <summary>
/// A streamed response broke off or could not be read. Chunks received before the failure were already
/// delivered to the caller; <see cref="ChunksReceived"/> says how many.
/// </summary>
public class NebiusStreamException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="chunksReceived">Chunks delivered before the failure.</param>
    /// <param name="requestId">The <c>x-request-id</c> of the response, when known.</param>
    /// <param name="innerException">The transport error behind it, if any.</param>
    public NebiusStreamException(string message, int chunksReceived, string? requestId, Exception? innerException = null)
        : base(requestId is null ? message : $"{message} [request id {requestId}]", innerException)
    {
        ChunksReceived = chunksReceived;
        RequestId = requestId;
    }

    /// <summary>Chunks delivered before the failure.</summary>
    public int ChunksReceived { get; }

    /// <summary>The <c>x-request-id</c> of the response, when known.</summary>
    public string? RequestId { get; }

    /// <summary>The HTTP status of the stream's response (a success: the stream had started), when known.</summary>
    public int? StatusCode { get; init; }
}

/// <summary>The connection ended (or was reset) before the server sent the <c>[DONE]</c> terminator: the answer is incomplete.</summary>
/// <param name="message">What went wrong.</param>
/// <param name="chunksReceived">Chunks delivered before the end.</param>
/// <param name="requestId">The <c>x-request-id</c> of the response, when known.</param>
/// <param name="innerException">The transport error behind it, if any.</param>
public sealed class NebiusStreamEndedException(string message, int chunksReceived, string? requestId, Exception? innerException = null)
    : NebiusStreamException(message, chunksReceived, requestId, innerException);

/// <summary>
/// A frame's data was neither a chunk nor the terminator: malformed JSON, invalid UTF-8, no object, or a value
/// the chunk type cannot hold. <see cref="ByteOffset"/> and <see cref="Excerpt"/> show where in the frame's data.
/// </summary>
/// <param name="message">What went wrong.</param>
/// <param name="chunksReceived">Chunks delivered before the bad frame.</param>
/// <param name="requestId">The <c>x-request-id</c> of the response, when known.</param>
/// <param name="innerException">The parse error behind it, if any.</param>
public sealed class NebiusStreamFormatException(string message, int chunksReceived, string? requestId, Exception? innerException = null)
    : NebiusStreamException(message, chunksReceived, requestId, innerException)
{
    /// <summary>The stream's <c>Content-Type</c>, as sent, when known.</summary>
    public string? ContentType { get; init; }

    /// <summary>The zero-based offset in the frame's data where reading failed, when the reader could tell.</summary>
    public long? ByteOffset { get; init; }

    /// <summary>A short piece of the frame's data around <see cref="ByteOffset"/> (or its start), control characters escaped, the API key redacted.</summary>
    public string? Excerpt { get; init; }
}
