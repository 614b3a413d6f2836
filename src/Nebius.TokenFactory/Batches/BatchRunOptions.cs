using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.Batches;

/// <summary>Settings of a whole batch round trip (<see cref="NebiusClient.RunBatchAsync(IEnumerable{KeyValuePair{string, ChatCompletionRequest}}, BatchRunOptions?, CancellationToken)"/>).</summary>
public sealed class BatchRunOptions
{
    /// <summary>Poll pacing, timeout and clock of the wait; the defaults (no timeout) when null.</summary>
    public NebiusWaitOptions? Wait { get; init; }

    /// <summary>Receives the batch after every poll.</summary>
    public IProgress<Batch>? Progress { get; init; }

    /// <summary>Receives the number of input-file bytes uploaded so far.</summary>
    public IProgress<long>? UploadProgress { get; init; }

    /// <summary>Metadata stored on the batch.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Where the input file is written before upload (deleted afterwards); the temp folder when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// How the output and error files are read: <see cref="BatchReadMode.Strict"/> (the default) fails the run at a
    /// line that cannot be read; <see cref="BatchReadMode.Lenient"/> marks that line's input <see cref="BatchItemOutcome.Malformed"/> and goes on.
    /// </summary>
    public BatchReadMode ReadMode { get; init; }
}

/// <summary>The outcome of a batch round trip: the final batch and every input joined with its result.</summary>
/// <typeparam name="TRequest">The request body type.</typeparam>
/// <typeparam name="TResponse">The response type.</typeparam>
public sealed class BatchRun<TRequest, TResponse>
    where TResponse : class
{
    internal BatchRun(Batch batch, string inputFileId, BatchJoinResult<TRequest, TResponse> results)
    {
        Batch = batch;
        InputFileId = inputFileId;
        Results = results;
    }

    /// <summary>The batch in its terminal state (look at <c>Status</c>: a failed or expired batch is returned too).</summary>
    public Batch Batch { get; }

    /// <summary>The uploaded input file.</summary>
    public string InputFileId { get; }

    /// <summary>The inputs joined with their results, in input order.</summary>
    public BatchJoinResult<TRequest, TResponse> Results { get; }
}
