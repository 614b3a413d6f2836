namespace Nebius.TokenFactory;

/// <summary>
/// Retry policy: 408, 429, 500, 502, 503, 504 and connection failures are retried with exponential
/// backoff and full jitter, honouring <c>Retry-After</c> up to <see cref="MaxRetryAfter"/>, within a
/// total budget. Calls that create something are retried only when the server surely did not act
/// (429, or a connection that failed before the request was sent).
/// </summary>
public sealed class NebiusRetryOptions
{
    /// <summary>Retries after the first attempt (0 disables retrying). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The base of the exponential backoff: attempt n waits up to BaseDelay × 2ⁿ. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff between two attempts when the server gives no Retry-After. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest Retry-After the client waits for; beyond it the call fails at once with the value. Default 60 s.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The most time one call may spend waiting between attempts, all retries together. Default 2 min.</summary>
    public TimeSpan TotalBudget { get; set; } = TimeSpan.FromMinutes(2);

    internal void Validate()
    {
        if (MaxRetries is < 0 or > 20)
        {
            throw new ArgumentOutOfRangeException("Retry." + nameof(MaxRetries), MaxRetries, "Between 0 and 20 retries are allowed.");
        }

        foreach (var (value, name) in new[] { (BaseDelay, nameof(BaseDelay)), (MaxDelay, nameof(MaxDelay)), (MaxRetryAfter, nameof(MaxRetryAfter)), (TotalBudget, nameof(TotalBudget)) })
        {
            if (value < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException("Retry." + name, value, "Retry delays must not be negative.");
            }
        }
    }

    internal NebiusRetryOptions Clone() => (NebiusRetryOptions)MemberwiseClone();
}

/// <summary>One retry about to happen: what failed, which attempt comes next, and the wait before it.</summary>
/// <param name="Method">The HTTP method of the call.</param>
/// <param name="Path">The request path (no host, no query).</param>
/// <param name="Attempt">The number of the attempt that failed (1 for the first).</param>
/// <param name="Delay">How long the client waits before the next attempt.</param>
/// <param name="StatusCode">The status that caused the retry, or null for a connection failure.</param>
/// <param name="Exception">The connection failure, if that was the cause.</param>
public sealed record NebiusRetryEvent(string Method, string Path, int Attempt, TimeSpan Delay, int? StatusCode, Exception? Exception);
