namespace Nebius.TokenFactory.Waiting;

/// <summary>
/// Polls a resource until it reaches a terminal state: a pause that grows by a factor up to a ceiling, a
/// report of every state seen, cancellation between and during polls, and an overall timeout that still
/// allows one last poll at the deadline. Pauses run on the options' <see cref="TimeProvider"/>.
/// </summary>
internal static class Poller
{
    public static async Task<T> WaitAsync<T>(
        Func<CancellationToken, Task<T?>> fetch,
        Func<T, bool> isTerminal,
        Func<T, string?> describe,
        string what,
        NebiusWaitOptions? options,
        IProgress<T>? progress,
        CancellationToken cancellationToken)
        where T : class
    {
        options ??= NebiusWaitOptions.Default;
        options.Validate(nameof(options));
        var clock = options.TimeProvider;
        var started = clock.GetTimestamp();
        var pause = options.PollInterval;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = await fetch(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The server answered a poll of {what} with an empty body.");
            progress?.Report(current);
            if (isTerminal(current))
            {
                return current;
            }

            var next = pause;
            if (options.Timeout != Timeout.InfiniteTimeSpan)
            {
                var remaining = options.Timeout - clock.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero)
                {
                    throw new NebiusWaitTimeoutException(
                        $"{what} was still '{describe(current) ?? "unknown"}' after {options.Timeout}; it has not reached a terminal state.",
                        options.Timeout,
                        current);
                }

                next = remaining < next ? remaining : next;
            }

            await Task.Delay(next, clock, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromTicks((long)Math.Min(pause.Ticks * options.BackoffFactor, options.MaxPollInterval.Ticks));
        }
    }
}
