using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Waiting;

namespace Nebius.TokenFactory.V1.Operations.Item;

/// <summary>Waiting for a dataset operation to end.</summary>
public partial class WithOperationItemRequestBuilder
{
    /// <summary>
    /// Polls <c>GET /v1/operations/{operation_id}</c> until the operation has <c>succeeded</c>, <c>failed</c> or
    /// been <c>cancelled</c> (<c>unknown</c> keeps the wait going), and returns it.
    /// </summary>
    /// <param name="options">Poll pacing, timeout and clock; the defaults when null.</param>
    /// <param name="progress">Receives the operation after every poll.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="NebiusWaitTimeoutException">The timeout ran out first.</exception>
    /// <exception cref="NebiusApiException">A poll failed.</exception>
    public Task<OperationResponse> WaitForCompletionAsync(NebiusWaitOptions? options = null, IProgress<OperationResponse>? progress = null, CancellationToken cancellationToken = default) =>
        Poller.WaitAsync(ct => GetAsync(cancellationToken: ct), NebiusTerminalStates.IsTerminal, o => o.Status, "The operation", options, progress, cancellationToken);
}
