using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;

namespace Nebius.TokenFactory.Http;

/// <summary>
/// Retries failed attempts under the rules of <see cref="RetryDecisions"/>: full-jitter backoff or the
/// server's Retry-After (up to a cap), a total waiting budget, and no retry that could duplicate a create.
/// Each retry is logged and reported to <see cref="NebiusClientOptions.OnRetry"/>. When retries run out,
/// the last response is returned as is, so the caller sees the server's error.
/// A plain loop rather than a resilience library's pipeline: a call that succeeds at once (nearly all of
/// them) costs one async frame and no allocation here.
/// </summary>
internal sealed class RetryHandler(NebiusRetryOptions options, Action<NebiusRetryEvent>? onRetry, ILogger logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var counter = request.Get<AttemptCounter>();
        if (counter is null)
        {
            counter = new AttemptCounter();
            request.Set(counter);
        }

        if (options.MaxRetries == 0 || request.Get<NebiusRetryOption>()?.Mode == NebiusRetryMode.Never || !RetryDecisions.CanResend(request))
        {
            counter.Attempts++;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var idempotent = RetryDecisions.IsIdempotent(request);
        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            counter.Attempts++;
            HttpResponseMessage? response = null;
            ExceptionDispatchInfo? failure = null;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (attempt <= options.MaxRetries && RetryDecisions.IsRetryableFailure(ex, idempotent, cancellationToken))
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }

            var delay = attempt > options.MaxRetries ? null : NextDelay(response, idempotent, attempt);
            if (delay is null || waited + delay.Value > options.TotalBudget)
            {
                failure?.Throw();
                return response!;
            }

            waited += delay.Value;
            Report(request, attempt, delay.Value, response, failure?.SourceException);
            response?.Dispose();
            await Task.Delay(delay.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>How long to wait before the next attempt, or null when this outcome is final.</summary>
    private TimeSpan? NextDelay(HttpResponseMessage? response, bool idempotent, int attempt)
    {
        if (response is null)
        {
            // A retryable transport failure (the filter above decided).
            return RetryDecisions.Backoff(options, attempt, Random.Shared);
        }

        if (!RetryDecisions.IsRetryableStatus((int)response.StatusCode, idempotent))
        {
            return null;
        }

        var retryAfter = RetryDecisions.RetryAfter(response);

        // The server asks for a longer pause than we are willing to hold the call: fail now with its answer.
        return retryAfter > options.MaxRetryAfter ? null : retryAfter ?? RetryDecisions.Backoff(options, attempt, Random.Shared);
    }

    private void Report(HttpRequestMessage request, int attempt, TimeSpan delay, HttpResponseMessage? response, Exception? failure)
    {
        var status = response is null ? (int?)null : (int)response.StatusCode;
        var retry = new NebiusRetryEvent(request.Method.Method, request.RequestUri?.AbsolutePath ?? string.Empty, attempt, delay, status, failure);
        Log.Retrying(logger, retry.Method, retry.Path, retry.Attempt, options.MaxRetries + 1, (long)delay.TotalMilliseconds, status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? failure?.GetType().Name ?? "unknown");
        request.Get<Telemetry.GenAiCall>()?.OnRetry(retry);
        onRetry?.Invoke(retry);
    }
}
