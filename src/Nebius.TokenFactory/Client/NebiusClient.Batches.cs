using Nebius.TokenFactory.Batches;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory;

/// <summary>The batch round trip in one call.</summary>
public partial class NebiusClient
{
    /// <summary>
    /// Runs chat completions as a batch: writes the input JSONL (unique <c>custom_id</c>s, one model, the documented
    /// limits), uploads it, creates the batch, waits for it to end, and reads the output and error files back,
    /// joined to <paramref name="requests"/> by <c>custom_id</c> in input order.
    /// </summary>
    /// <param name="requests">The requests by <c>custom_id</c>; a dictionary works.</param>
    /// <param name="options">Wait pacing and timeout, progress, metadata, working folder, how result lines are read (strict by default).</param>
    /// <param name="cancellationToken">Stops the round trip (a created batch keeps running on the server).</param>
    /// <returns>The final batch and every request's outcome.</returns>
    /// <exception cref="ArgumentException">No requests, a repeated or empty <c>custom_id</c>, mixed models, or an invalid body; nothing was sent.</exception>
    /// <exception cref="NebiusWaitTimeoutException">The batch did not end within the wait's timeout.</exception>
    /// <exception cref="NebiusApiException">The server refused a step.</exception>
    /// <exception cref="InvalidDataException">A result line could not be read (strict reading, the default).</exception>
    public virtual Task<BatchRun<ChatCompletionRequest, ChatCompletionResponse>> RunBatchAsync(
        IEnumerable<KeyValuePair<string, ChatCompletionRequest>> requests,
        BatchRunOptions? options = null,
        CancellationToken cancellationToken = default) =>
        BatchRoundTrip.RunAsync(this, requests, BatchEndpoint.V1ChatCompletions, (w, id, body, ct) => w.WriteAsync(id, body, ct), ChatCompletionResponse.CreateFromDiscriminatorValue, options, cancellationToken);

    /// <summary>Runs embeddings as a batch; see the chat overload for the steps.</summary>
    /// <param name="requests">The requests by <c>custom_id</c>; a dictionary works.</param>
    /// <param name="options">Wait pacing and timeout, progress, metadata, working folder, how result lines are read (strict by default).</param>
    /// <param name="cancellationToken">Stops the round trip (a created batch keeps running on the server).</param>
    /// <returns>The final batch and every request's outcome.</returns>
    /// <exception cref="ArgumentException">No requests, a repeated or empty <c>custom_id</c>, mixed models, or an invalid body; nothing was sent.</exception>
    /// <exception cref="NebiusWaitTimeoutException">The batch did not end within the wait's timeout.</exception>
    /// <exception cref="NebiusApiException">The server refused a step.</exception>
    /// <exception cref="InvalidDataException">A result line could not be read (strict reading, the default).</exception>
    public virtual Task<BatchRun<EmbeddingRequest, EmbeddingResponse>> RunBatchAsync(
        IEnumerable<KeyValuePair<string, EmbeddingRequest>> requests,
        BatchRunOptions? options = null,
        CancellationToken cancellationToken = default) =>
        BatchRoundTrip.RunAsync(this, requests, BatchEndpoint.V1Embeddings, (w, id, body, ct) => w.WriteAsync(id, body, ct), EmbeddingResponse.CreateFromDiscriminatorValue, options, cancellationToken);
}
