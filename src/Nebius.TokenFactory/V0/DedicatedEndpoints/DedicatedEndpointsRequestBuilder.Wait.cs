using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Waiting;

namespace Nebius.TokenFactory.V0.DedicatedEndpoints;

// Hand-written, unlike the other waits (generated from x-nebius-long-running): the API has no GET of one endpoint,
// so each poll reads the list and picks the endpoint out, and "settled" is computed from enabled, ready_replicas and
// min_replicas (NebiusTerminalStates.IsSettled) rather than read from one status property.

/// <summary>Waiting for a dedicated endpoint to settle. The API has no GET of one endpoint, so this reads the list.</summary>
public partial class DedicatedEndpointsRequestBuilder
{
    /// <summary>
    /// Polls <c>GET /v0/dedicated_endpoints</c> until the endpoint <paramref name="endpointId"/> has settled (see
    /// <see cref="NebiusTerminalStates.IsSettled"/>): enabled with its minimum of ready replicas, or disabled with none.
    /// </summary>
    /// <param name="endpointId">The endpoint's id.</param>
    /// <param name="options">Poll pacing, timeout and clock; the defaults when null.</param>
    /// <param name="progress">Receives the endpoint after every poll.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="ArgumentException"><paramref name="endpointId"/> is empty.</exception>
    /// <exception cref="NebiusWaitTimeoutException">The timeout ran out first.</exception>
    /// <exception cref="NebiusNotFoundException">The endpoint is not in the list (deleted, or a wrong id).</exception>
    public Task<DedicatedEndpoint> WaitForCompletionAsync(string endpointId, NebiusWaitOptions? options = null, IProgress<DedicatedEndpoint>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointId);
        return Poller.WaitAsync(ct => FindAsync(endpointId, ct), NebiusTerminalStates.IsSettled, Describe, "The dedicated endpoint", options, progress, cancellationToken);
    }

    private static string Describe(DedicatedEndpoint endpoint) =>
        $"enabled={endpoint.Enabled?.ToString() ?? "?"}, ready_replicas={endpoint.Deployment?.ReadyReplicas?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"}";

    private async Task<DedicatedEndpoint?> FindAsync(string endpointId, CancellationToken cancellationToken)
    {
        var list = await GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return list?.Data?.FirstOrDefault(e => e.Id == endpointId)
            ?? throw NebiusApiException.Create(new NebiusErrorDetails(404, new Dictionary<string, IEnumerable<string>>()) { Detail = $"The dedicated endpoint '{endpointId}' is not in the list." });
    }
}
