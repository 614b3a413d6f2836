using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Nebius.TokenFactory.Http;

/// <summary>
/// Retries failed attempts with Polly's retry strategy, under the rules of <see cref="RetryDecisions"/>:
/// full-jitter backoff or the server's Retry-After (up to a cap), a total waiting budget, and no retry
/// that could duplicate a create. Each retry is logged and reported to <see cref="NebiusClientOptions.OnRetry"/>.
/// When retries run out, the last response is returned as is, so the caller sees the server's error.
/// </summary>
internal sealed class RetryHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<RetryState> StateKey = new("Nebius.RetryState");

    private readonly NebiusRetryOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly Action<NebiusRetryEvent>? _onRetry;
    private readonly ILogger _logger;

    public RetryHandler(NebiusRetryOptions options, Action<NebiusRetryEvent>? onRetry, ILogger logger)
    {
        _options = options;
        _onRetry = onRetry;
        _logger = logger;
        _pipeline = options.MaxRetries == 0
            ? ResiliencePipeline<HttpResponseMessage>.Empty
            : new ResiliencePipelineBuilder<HttpResponseMessage>()
                .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = options.MaxRetries,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, args.AttemptNumber + 1)),
                    DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(StateKey, null!).NextDelay),
                    OnRetry = args => OnRetryAsync(args),
                })
                .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var counter = request.Get<AttemptCounter>();
        if (counter is null)
        {
            counter = new AttemptCounter();
            request.Set(counter);
        }

        var state = new RetryState(request, RetryDecisions.IsIdempotent(request), RetryDecisions.CanResend(request), counter);
        if (request.Get<NebiusRetryOption>()?.Mode == NebiusRetryMode.Never)
        {
            counter.Attempts = 1;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StateKey, state);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, self) => await self.Handler.SendOnceAsync(self.State, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (Handler: this, State: state)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendOnceAsync(RetryState state, CancellationToken cancellationToken)
    {
        state.Counter.Attempts++;
        return base.SendAsync(state.Request, cancellationToken);
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, int attempt)
    {
        var state = context.Properties.GetValue(StateKey, null!);
        if (!state.CanResend)
        {
            return false;
        }

        TimeSpan delay;
        if (outcome.Exception is { } exception)
        {
            if (!RetryDecisions.IsRetryableFailure(exception, state.Idempotent, context.CancellationToken))
            {
                return false;
            }

            delay = RetryDecisions.Backoff(_options, attempt, Random.Shared);
        }
        else
        {
            var response = outcome.Result!;
            if (!RetryDecisions.IsRetryableStatus((int)response.StatusCode, state.Idempotent))
            {
                return false;
            }

            var retryAfter = RetryDecisions.RetryAfter(response);
            if (retryAfter > _options.MaxRetryAfter)
            {
                // The server asks for a longer pause than we are willing to hold the call: fail now with its value.
                return false;
            }

            delay = retryAfter ?? RetryDecisions.Backoff(_options, attempt, Random.Shared);
        }

        if (state.Waited + delay > _options.TotalBudget)
        {
            return false;
        }

        state.NextDelay = delay;
        state.Waited += delay;
        return true;
    }

    private ValueTask OnRetryAsync(OnRetryArguments<HttpResponseMessage> args)
    {
        var state = args.Context.Properties.GetValue(StateKey, null!);
        var status = args.Outcome.Result is { } response ? (int?)response.StatusCode : null;
        var retry = new NebiusRetryEvent(state.Request.Method.Method, state.Request.RequestUri?.AbsolutePath ?? string.Empty, args.AttemptNumber + 1, args.RetryDelay, status, args.Outcome.Exception);
        args.Outcome.Result?.Dispose();
        Log.Retrying(_logger, retry.Method, retry.Path, retry.Attempt, _options.MaxRetries + 1, (long)retry.Delay.TotalMilliseconds, status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? args.Outcome.Exception?.GetType().Name ?? "unknown");
        state.Request.Get<Telemetry.GenAiCall>()?.OnRetry(retry);
        _onRetry?.Invoke(retry);
        return default;
    }

    private sealed class RetryState(HttpRequestMessage request, bool idempotent, bool canResend, AttemptCounter counter)
    {
        public HttpRequestMessage Request { get; } = request;

        public bool Idempotent { get; } = idempotent;

        public bool CanResend { get; } = canResend;

        public AttemptCounter Counter { get; } = counter;

        public TimeSpan Waited { get; set; }

        public TimeSpan NextDelay { get; set; }
    }
}
