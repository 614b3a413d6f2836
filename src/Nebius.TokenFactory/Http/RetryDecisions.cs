namespace Nebius.TokenFactory.Http;

/// <summary>Which failures may be retried for which calls, so that a retry never duplicates a create.</summary>
internal static class RetryDecisions
{
    private static readonly HashSet<int> TransientStatuses = [408, 429, 500, 502, 503, 504];

    /// <summary>Whether the call may be retried after the server may already have acted on it.</summary>
    public static bool IsIdempotent(HttpRequestMessage request)
    {
        switch (request.Get<NebiusRetryOption>()?.Mode)
        {
            case NebiusRetryMode.Idempotent:
                return true;
            case NebiusRetryMode.Never:
                return false;
        }

        if (request.Method != HttpMethod.Post && request.Method != HttpMethod.Patch)
        {
            return true;
        }

        var path = request.RequestUri?.AbsolutePath.TrimEnd('/') ?? string.Empty;
        // Inference POSTs only compute an answer: retrying one after a server error cannot duplicate a resource.
        return request.Method == HttpMethod.Post && OperationFacts.InferencePostPaths.Any(p => path.EndsWith(p, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether the request body can be sent again (no body, or one whose length is known).</summary>
    public static bool CanResend(HttpRequestMessage request) =>
        request.Content is null || request.Content.Headers.ContentLength is not null;

    /// <summary>Whether a status may be retried for this call.</summary>
    public static bool IsRetryableStatus(int status, bool idempotent) =>
        TransientStatuses.Contains(status) && (idempotent || status == 429);

    /// <summary>Whether a transport failure may be retried: any for idempotent calls, only "never connected" for creates.</summary>
    public static bool IsRetryableFailure(Exception exception, bool idempotent, CancellationToken callerToken)
    {
        if (callerToken.IsCancellationRequested || exception is OperationCanceledException)
        {
            return false;
        }

        if (exception is not HttpRequestException http)
        {
            return false;
        }

        return idempotent || http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError || http.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused };
    }

    /// <summary>The server's Retry-After, if it sent one.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>Exponential backoff with full jitter: uniform in [0, min(max, base × 2^(attempt-1))].</summary>
    public static TimeSpan Backoff(NebiusRetryOptions options, int attempt, Random random)
    {
        var ceiling = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(ceiling, options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(random.NextDouble() * capped);
    }
}
