namespace Nebius.TokenFactory.Fuzz.Server;

/// <summary>
/// What the loopback server sends for one request: the status line and headers, then the body in the writes
/// <see cref="Chunks"/> lists (each flushed on its own, so the client reads the body in those pieces), then,
/// with <see cref="AbortAfterBody"/>, a reset connection instead of the end of the body.
/// </summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="ContentType">The Content-Type header, or null to send none.</param>
/// <param name="Body">The body bytes, exactly as sent.</param>
/// <param name="Chunks">The sizes of the writes; they add up to the body's length.</param>
/// <param name="AbortAfterBody">Whether the connection is reset after the last write (a body that broke off).</param>
internal sealed record Answer(int Status, string? ContentType, byte[] Body, IReadOnlyList<int> Chunks, bool AbortAfterBody)
{
    /// <summary>Extra response headers (Retry-After and the like); an x-request-id is always sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The request id the server sends, so typed errors can be seen to carry it.</summary>
    public const string RequestId = "req-fuzz-0001";

    /// <summary>The same answer sent in one write.</summary>
    public Answer Unsplit() => this with { Chunks = Body.Length == 0 ? [] : [Body.Length] };
}
