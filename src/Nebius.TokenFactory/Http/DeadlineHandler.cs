namespace Nebius.TokenFactory.Http;

/// <summary>
/// One overall deadline per call, retries included (HttpClient's own 100 s timeout is switched off
/// because a long generation can exceed it). A call that runs out of time throws
/// <see cref="TimeoutException"/>; the caller's own cancellation still surfaces as cancellation.
/// </summary>
internal sealed class DeadlineHandler(TimeSpan defaultTimeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var timeout = request.Get<NebiusTimeoutOption>()?.Timeout ?? defaultTimeout;
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // Linking costs a registration on the caller's token; a token that can never be cancelled needs none.
        using var deadline = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : new CancellationTokenSource();
        deadline.CancelAfter(timeout);
        try
        {
            return await base.SendAsync(request, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{request.Method} {request.RequestUri?.AbsolutePath} did not complete within {timeout} (NebiusClientOptions.Timeout or WithTimeout).", ex);
        }
    }
}
