using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Waiting;

namespace Nebius.TokenFactory.V1.Batches.Item;

/// <summary>Waiting for a batch to end.</summary>
public partial class WithBatchItemRequestBuilder
{
    /// <summary>
    /// Polls <c>GET /v1/batches/{batch_id}</c> until the batch reaches a terminal state (see
    /// <see cref="NebiusTerminalStates.BatchStates"/>, which includes the real API's <c>done</c>) and returns it.
    /// A failed or expired batch is returned, not thrown: look at its <c>Status</c>.
    /// </summary>
    /// <param name="options">Poll pacing, timeout and clock; the defaults when null.</param>
    /// <param name="progress">Receives the batch after every poll.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="NebiusWaitTimeoutException">The timeout ran out first.</exception>
    /// <exception cref="NebiusApiException">A poll failed.</exception>
    public Task<Batch> WaitForCompletionAsync(NebiusWaitOptions? options = null, IProgress<Batch>? progress = null, CancellationToken cancellationToken = default) =>
        Poller.WaitAsync(ct => GetAsync(cancellationToken: ct), NebiusTerminalStates.IsTerminal, b => b.Status, "The batch", options, progress, cancellationToken);
}
