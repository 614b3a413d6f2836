namespace Nebius.TokenFactory;

/// <summary>How a <c>WaitForCompletionAsync</c> call polls: first pause, growth, ceiling, overall timeout, and the clock.</summary>
/// <example><code>var batch = await client.V1.Batches[id].WaitForCompletionAsync(new NebiusWaitOptions { Timeout = TimeSpan.FromHours(25) });</code></example>
public sealed class NebiusWaitOptions
{
    /// <summary>The pause after the first poll (default 2 s).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest pause between polls (default 60 s).</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Each pause is the previous one times this factor, up to <see cref="MaxPollInterval"/> (default 1.5; 1 polls at a fixed rate).</summary>
    public double BackoffFactor { get; init; } = 1.5;

    /// <summary>How long to wait in all before giving up with <see cref="NebiusWaitTimeoutException"/>; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> (the default) waits until cancelled.</summary>
    public TimeSpan Timeout { get; init; } = System.Threading.Timeout.InfiniteTimeSpan;

    /// <summary>The clock and timers the pauses use; tests pass a fake one so they do not sleep.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal static NebiusWaitOptions Default { get; } = new();

    internal void Validate(string parameterName)
    {
        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("PollInterval must be positive.", parameterName);
        }

        if (MaxPollInterval < PollInterval)
        {
            throw new ArgumentException("MaxPollInterval must be at least PollInterval.", parameterName);
        }

        if (double.IsNaN(BackoffFactor) || BackoffFactor < 1)
        {
            throw new ArgumentException("BackoffFactor must be 1 or more.", parameterName);
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("Timeout must be positive (or Timeout.InfiniteTimeSpan).", parameterName);
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException("TimeProvider is required.", parameterName);
        }
    }
}
