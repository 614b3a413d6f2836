using Microsoft.Kiota.Abstractions.Serialization;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.Batches;

/// <summary>
/// write → upload → create → wait → read: the input goes to a temporary JSONL file (checked line by line as
/// it is written, so a bad input fails before anything is sent), is uploaded streamed, the batch is created
/// once (creates are not retried in a way that could duplicate them) and waited for, and the output and
/// error files are read straight from their download streams and joined to the inputs.
/// </summary>
internal static class BatchRoundTrip
{
    public static async Task<BatchRun<TRequest, TResponse>> RunAsync<TRequest, TResponse>(
        NebiusClient client,
        IEnumerable<KeyValuePair<string, TRequest>> requests,
        BatchEndpoint endpoint,
        Func<BatchInputWriter, string, TRequest, CancellationToken, ValueTask> write,
        ParsableFactory<TResponse> factory,
        BatchRunOptions? options,
        CancellationToken cancellationToken)
        where TResponse : class, IParsable
    {
        ArgumentNullException.ThrowIfNull(requests);
        options ??= new BatchRunOptions();
        options.Wait?.Validate(nameof(options));
        BatchResultReader.CheckMode(options.ReadMode, nameof(options));
        var folder = options.WorkingDirectory ?? Path.GetTempPath();
        if (!Directory.Exists(folder))
        {
            throw new ArgumentException($"The working directory '{folder}' does not exist.", nameof(options));
        }

        var path = Path.Combine(folder, $"nebius-batch-{Guid.NewGuid():N}.jsonl");
        try
        {
            var inputs = await WriteInputAsync(path, requests, endpoint, write, cancellationToken).ConfigureAwait(false);
            var file = await client.V1.Files.UploadAsync(path, FilePurpose.Batch, options.UploadProgress, cancellationToken: cancellationToken).ConfigureAwait(false);
            var created = await client.V1.Batches.PostAsync(
                new BatchCreateRequest
                {
                    Endpoint = BatchInputWriter.PathOf(endpoint),
                    InputFileId = file.Id,
                    CompletionWindow = NebiusLimits.BatchCompletionWindow,
                    Metadata = options.Metadata is null ? null : new BatchCreateRequestMetadata { AdditionalData = options.Metadata.ToDictionary(p => p.Key, p => (object)p.Value) },
                },
                c => c.RequireBody(),
                cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The server answered the batch create with an empty body.");
            options.Progress?.Report(created);
            var batch = await client.V1.Batches[created.Id!].WaitForCompletionAsync(options.Wait, options.Progress, cancellationToken).ConfigureAwait(false);

            var sources = new[] { batch.OutputFileId, batch.ErrorFileId }
                .Where(id => !string.IsNullOrEmpty(id))
                .Select(id => ReadFileAsync(client, id!, factory, options.ReadMode, cancellationToken));
            var joined = await BatchJoin.JoinAsync(inputs, sources, options.ReadMode, cancellationToken).ConfigureAwait(false);
            return new BatchRun<TRequest, TResponse>(batch, file.Id!, joined);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<List<KeyValuePair<string, TRequest>>> WriteInputAsync<TRequest>(
        string path,
        IEnumerable<KeyValuePair<string, TRequest>> requests,
        BatchEndpoint endpoint,
        Func<BatchInputWriter, string, TRequest, CancellationToken, ValueTask> write,
        CancellationToken cancellationToken)
    {
        var inputs = new List<KeyValuePair<string, TRequest>>();
        var writer = BatchInputWriter.CreateFile(path, endpoint);
        await using (writer.ConfigureAwait(false))
        {
            foreach (var request in requests)
            {
                await write(writer, request.Key, request.Value, cancellationToken).ConfigureAwait(false);
                inputs.Add(request);
            }
        }

        if (inputs.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one request.", nameof(requests));
        }

        return inputs;
    }

    private static async IAsyncEnumerable<BatchResultLine<TResponse>> ReadFileAsync<TResponse>(NebiusClient client, string fileId, ParsableFactory<TResponse> factory, BatchReadMode mode, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        where TResponse : class, IParsable
    {
        var stream = await client.V1.Files[fileId].Content.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            yield break;
        }

        await using (stream.ConfigureAwait(false))
        {
            await foreach (var line in BatchResultReader.ReadAsync(stream, factory, mode, cancellationToken).ConfigureAwait(false))
            {
                yield return line;
            }
        }
    }
}
