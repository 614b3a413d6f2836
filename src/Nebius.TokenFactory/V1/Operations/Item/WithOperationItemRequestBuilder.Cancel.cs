using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Waiting;

namespace Nebius.TokenFactory.V1.Operations.Item;

/// <summary>Stopping a dataset operation.</summary>
public partial class WithOperationItemRequestBuilder
{
    /// <summary>
    /// Cancels the operation (<c>POST /v1/operations/{operation_id}/cancel</c>), then waits as
    /// <see cref="WaitForCompletionAsync"/> does until it has ended, and returns it: normally <c>cancelled</c>, but an
    /// operation that finished first keeps its own end. The cancel call's own answer is not published; read it with
    /// <c>Cancel.PostAsync</c> when it matters.
    /// </summary>
    /// <param name="options">Poll pacing, timeout and clock of the wait; the defaults when null.</param>
    /// <param name="progress">Receives the operation after every poll.</param>
    /// <param name="cancellationToken">Stops the call or the wait.</param>
    /// <exception cref="NebiusWaitTimeoutException">The timeout ran out before the operation ended.</exception>
    /// <exception cref="NebiusApiException">The server refused the cancel or a poll.</exception>
    public async Task<OperationResponse> CancelAsync(NebiusWaitOptions? options = null, IProgress<OperationResponse>? progress = null, CancellationToken cancellationToken = default)
    {
        options?.Validate(nameof(options)); // before the cancel is sent, not after
        await Cancel.PostAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return await WaitForCompletionAsync(options, progress, cancellationToken).ConfigureAwait(false);
    }
}
