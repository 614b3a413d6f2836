using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory;

// The hand-written part of NebiusTerminalStates; the state sets and IsTerminal overloads are generated from the
// spec's x-nebius-long-running. A dedicated endpoint has no status to compare: whether it has settled is computed
// from enabled, ready_replicas and min_replicas, which the extension's list of states cannot express.
public static partial class NebiusTerminalStates
{
    /// <summary>
    /// Whether a dedicated endpoint has settled: enabled with at least <c>max(1, min_replicas)</c> ready
    /// replicas (it answers inference), or disabled with none left running (stopped).
    /// </summary>
    /// <param name="endpoint">The endpoint as last read.</param>
    public static bool IsSettled(DedicatedEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var ready = endpoint.Deployment?.ReadyReplicas ?? 0;
        return endpoint.Enabled == false ? ready == 0 : ready >= Math.Max(1, endpoint.Scaling?.MinReplicas ?? 1);
    }
}
