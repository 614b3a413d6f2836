using Microsoft.Kiota.Abstractions;

namespace Nebius.TokenFactory;

/// <summary>Per-call settings, passed through a request configuration's <c>Options</c>.</summary>
/// <example><code>await client.V1.Models.GetAsync(c => c.WithTimeout(TimeSpan.FromSeconds(5)).CaptureResponse(metadata));</code></example>
public static class NebiusCallOptions
{
    /// <summary>Overrides the client's overall deadline for this call.</summary>
    /// <param name="configuration">The call's request configuration.</param>
    /// <param name="timeout">The deadline, retries included.</param>
    public static RequestConfiguration<T> WithTimeout<T>(this RequestConfiguration<T> configuration, TimeSpan timeout)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        configuration.Options.Add(new NebiusTimeoutOption(timeout));
        return configuration;
    }

    /// <summary>Fills <paramref name="metadata"/> with the response's status, request id and rate-limit headers.</summary>
    /// <param name="configuration">The call's request configuration.</param>
    /// <param name="metadata">The holder to fill once the response arrives.</param>
    public static RequestConfiguration<T> CaptureResponse<T>(this RequestConfiguration<T> configuration, NebiusResponseMetadata metadata)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(metadata);
        configuration.Options.Add(metadata);
        return configuration;
    }

    /// <summary>
    /// Makes an answer without a body an error for this call: a success status with no body (or a 204) ends in
    /// <see cref="NebiusResponseFormatException"/> with the answer's status and request id, where Kiota's shape
    /// returns null. The client's short forms, the waits and the Microsoft.Extensions.AI adapter ask for this.
    /// </summary>
    /// <param name="configuration">The call's request configuration.</param>
    public static RequestConfiguration<T> RequireBody<T>(this RequestConfiguration<T> configuration)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Options.Add(Http.NebiusRequiredBodyOption.Instance);
        return configuration;
    }

    /// <summary>Turns retries off for this call, or marks it safe to retry after a server error.</summary>
    /// <param name="configuration">The call's request configuration.</param>
    /// <param name="retry">The retry behaviour for this call.</param>
    public static RequestConfiguration<T> WithRetry<T>(this RequestConfiguration<T> configuration, NebiusRetryMode retry)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Options.Add(new NebiusRetryOption(retry));
        return configuration;
    }
}

/// <summary>How one call may be retried.</summary>
public enum NebiusRetryMode
{
    /// <summary>Decided by the call: reads and inference retry on server errors, creates only on 429 and refused connections.</summary>
    Automatic,

    /// <summary>The call is idempotent: retry it like a read.</summary>
    Idempotent,

    /// <summary>Never retry this call.</summary>
    Never,
}

/// <summary>A per-call deadline (see <see cref="NebiusCallOptions.WithTimeout{T}"/>).</summary>
/// <param name="Timeout">The deadline.</param>
public sealed record NebiusTimeoutOption(TimeSpan Timeout) : IRequestOption;

/// <summary>A per-call retry mode (see <see cref="NebiusCallOptions.WithRetry{T}"/>).</summary>
/// <param name="Mode">The retry mode.</param>
public sealed record NebiusRetryOption(NebiusRetryMode Mode) : IRequestOption;
