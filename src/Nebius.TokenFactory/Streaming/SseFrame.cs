using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Streaming;

/// <summary>What one server-sent event turned out to be.</summary>
internal enum SseFrameKind
{
    /// <summary>A JSON chunk of the answer.</summary>
    Chunk,

    /// <summary>The <c>[DONE]</c> terminator.</summary>
    Done,

    /// <summary>An error object sent in place of a chunk.</summary>
    Error,

    /// <summary>Data that cannot be read: not JSON, not an object, invalid UTF-8, a value out of range.</summary>
    Malformed,

    /// <summary>An event without data (keep-alive); nothing to deliver.</summary>
    Empty,
}

/// <summary>One parsed event. Parsing happens inside the SSE parser's callback, straight from its byte span.</summary>
/// <param name="Kind">What the event turned out to be.</param>
/// <param name="Chunk">For <see cref="SseFrameKind.Chunk"/>: the chunk.</param>
/// <param name="Error">For <see cref="SseFrameKind.Error"/>: the error the server sent.</param>
/// <param name="Fault">For <see cref="SseFrameKind.Malformed"/>: what is wrong with the data, where, and an excerpt.</param>
/// <param name="Cause">For <see cref="SseFrameKind.Malformed"/>: the reader's error.</param>
internal readonly record struct SseFrame<T>(SseFrameKind Kind, T? Chunk = default, NebiusErrorDetails? Error = null, BodyFault? Fault = null, Exception? Cause = null)
    where T : IParsable;
