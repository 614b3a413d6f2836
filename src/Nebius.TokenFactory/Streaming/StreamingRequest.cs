namespace Nebius.TokenFactory.Streaming;

/// <summary>Builds the request of a streaming call from the caller's body without changing it for good.</summary>
internal static class StreamingRequest
{
    /// <summary>
    /// Sets the body's <c>stream</c> flag, serializes the request (serialization happens inside
    /// <paramref name="build"/>), and puts the caller's value back, so the same body can later be sent
    /// to the non-streaming method unchanged.
    /// </summary>
    public static TRequest Prepare<TBody, TRequest>(TBody body, Func<TBody, bool?> get, Action<TBody, bool?> set, Func<TBody, TRequest> build)
    {
        var original = get(body);
        set(body, true);
        try
        {
            return build(body);
        }
        finally
        {
            set(body, original);
        }
    }
}
