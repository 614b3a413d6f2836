using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Waiting;

namespace Nebius.TokenFactory.V0.ModelsRequests.Item.Item;

/// <summary>Waiting for a custom model, addressed by vendor and full name, to finish validating.</summary>
public partial class WithFullNameItemRequestBuilder
{
    /// <summary>
    /// Polls <c>GET /v0/models/{vendor}/{full_name}</c> until the model is <c>active</c>, <c>error</c> or
    /// <c>deleted</c>, and returns it.
    /// </summary>
    /// <param name="options">Poll pacing, timeout and clock; the defaults when null.</param>
    /// <param name="progress">Receives the model after every poll.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="NebiusWaitTimeoutException">The timeout ran out first.</exception>
    /// <exception cref="NebiusApiException">A poll failed.</exception>
    public Task<CustomModelInfoResponse> WaitForCompletionAsync(NebiusWaitOptions? options = null, IProgress<CustomModelInfoResponse>? progress = null, CancellationToken cancellationToken = default) =>
        Poller.WaitAsync(ct => GetAsync(cancellationToken: ct), NebiusTerminalStates.IsTerminal, m => m.Status, "The custom model", options, progress, cancellationToken);
}
