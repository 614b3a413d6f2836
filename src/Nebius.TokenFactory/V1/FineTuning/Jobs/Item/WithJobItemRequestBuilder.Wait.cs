using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Waiting;

namespace Nebius.TokenFactory.V1.FineTuning.Jobs.Item;

/// <summary>Waiting for a fine-tuning job to end.</summary>
public partial class WithJobItemRequestBuilder
{
    /// <summary>
    /// Polls <c>GET /v1/fine_tuning/jobs/{job_id}</c> until the job has <c>succeeded</c>, <c>failed</c> or been
    /// <c>cancelled</c>, and returns it (a failed job is returned, not thrown: look at its <c>Status</c> and <c>Error</c>).
    /// </summary>
    /// <param name="options">Poll pacing, timeout and clock; the defaults when null.</param>
    /// <param name="progress">Receives the job after every poll.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="NebiusWaitTimeoutException">The timeout ran out first.</exception>
    /// <exception cref="NebiusApiException">A poll failed.</exception>
    public Task<FineTuningJob> WaitForCompletionAsync(NebiusWaitOptions? options = null, IProgress<FineTuningJob>? progress = null, CancellationToken cancellationToken = default) =>
        Poller.WaitAsync(ct => GetAsync(cancellationToken: ct), NebiusTerminalStates.IsTerminal, j => j.Status, "The fine-tuning job", options, progress, cancellationToken);
}
