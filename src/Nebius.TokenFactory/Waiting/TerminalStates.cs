using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory;

/// <summary>
/// The states after which a long-running resource no longer changes on its own. Unknown states count as
/// still running, so a new intermediate state on the server never ends a wait early.
/// </summary>
public static class NebiusTerminalStates
{
    /// <summary>
    /// Batch states that end it: the documented <c>completed</c>, <c>failed</c>, <c>expired</c>, <c>cancelled</c>
    /// and <c>done</c>, which the real API returns instead of <c>completed</c>.
    /// </summary>
    public static IReadOnlySet<string> BatchStates { get; } = Set("completed", "done", "failed", "expired", "cancelled");

    /// <summary>Fine-tuning job states that end it: <c>succeeded</c>, <c>failed</c>, <c>cancelled</c>.</summary>
    public static IReadOnlySet<string> FineTuningJobStates { get; } = Set("succeeded", "failed", "cancelled");

    /// <summary>Custom model states after validation: <c>active</c>, <c>error</c>, <c>deleted</c>.</summary>
    public static IReadOnlySet<string> CustomModelStates { get; } = Set("active", "error", "deleted");

    /// <summary>Operation states that end it: <c>succeeded</c>, <c>failed</c>, <c>cancelled</c>.</summary>
    public static IReadOnlySet<string> OperationStates { get; } = Set("succeeded", "failed", "cancelled");

    /// <summary>Whether the batch has ended.</summary>
    /// <param name="batch">The batch as last read.</param>
    public static bool IsTerminal(Batch batch) => Has(BatchStates, batch, batch?.Status);

    /// <summary>Whether the fine-tuning job has ended.</summary>
    /// <param name="job">The job as last read.</param>
    public static bool IsTerminal(FineTuningJob job) => Has(FineTuningJobStates, job, job?.Status);

    /// <summary>Whether the custom model has finished validating.</summary>
    /// <param name="model">The model as last read.</param>
    public static bool IsTerminal(CustomModelInfoResponse model) => Has(CustomModelStates, model, model?.Status);

    /// <summary>Whether the operation has ended.</summary>
    /// <param name="operation">The operation as last read.</param>
    public static bool IsTerminal(OperationResponse operation) => Has(OperationStates, operation, operation?.Status);

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

    private static bool Has(IReadOnlySet<string> states, object? resource, string? status)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return status is not null && states.Contains(status);
    }

    private static HashSet<string> Set(params string[] states) =>
        states.ToHashSet(StringComparer.OrdinalIgnoreCase);
}
