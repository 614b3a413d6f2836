using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Nebius.TokenFactory;
using Nebius.TokenFactory.Batches;
using Nebius.TokenFactory.Models;

namespace Nebius.Cli.Commands;

/// <summary><c>nebius batches run</c>: a batch input JSONL file in, its results (and errors) out.</summary>
internal static class BatchesCommand
{
    private static readonly Argument<string> Input = new("input") { Description = "The batch input JSONL: one {custom_id, method, url, body} a line." };

    private static readonly Option<string> Output = new("--output", "-o") { Description = "Where to write the results JSONL.", HelpName = "path", Required = true };

    private static readonly Option<string> Errors = new("--errors") { Description = "Where to write the lines that failed (JSONL); not written when not given.", HelpName = "path" };

    private static readonly Option<string> Endpoint = new("--endpoint") { Description = "The endpoint of every line.", HelpName = "/v1/chat/completions|/v1/embeddings", DefaultValueFactory = _ => "/v1/chat/completions" };

    private static readonly Option<double> PollInterval = new("--poll-interval") { Description = "Seconds between the first polls (then backing off, default 2).", HelpName = "seconds", DefaultValueFactory = _ => 2 };

    private static readonly Option<double?> Timeout = new("--timeout") { Description = "Give up waiting after this many seconds (exit 1); no limit when not given.", HelpName = "seconds" };

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var run = new Command("run", "Upload a JSONL batch, create the batch, wait for it and write its results.") { Input, Output, Errors, Endpoint, PollInterval, Timeout };
        run.SetSessionAction(context, RunAsync);
        return new Command("batches", "Batch jobs: many requests at once, answered within 24 h.") { run };
    }

    private static async Task<int> RunAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        var input = cli.Value(Input)!;
        var output = cli.Value(Output)!;
        var errors = cli.Value(Errors);
        var endpoint = ParseEndpoint(cli.Value(Endpoint));
        var wait = WaitOptions(cli.Value(PollInterval), cli.Value(Timeout));
        if (!File.Exists(input))
        {
            throw new CliUsageException($"<input>: no file at '{input}'.");
        }

        CheckFolder(output, "--output");
        if (errors is not null)
        {
            CheckFolder(errors, "--errors");
        }

        var lines = await BatchInputCheck.CheckAsync(input, endpoint, cancellationToken).ConfigureAwait(false);
        var people = cli.Json ? TextWriter.Null : cli.Output;
        var client = session.Client;
        var file = await TransferProgress.RunAsync(
            cli,
            $"uploading {Path.GetFileName(input)}",
            new FileInfo(input).Length,
            progress => client.V1.Files.UploadAsync(input, FilePurpose.Batch, progress, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await people.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"uploaded {file.Id} ({lines:N0} lines)")).ConfigureAwait(false);
        var created = await client.V1.Batches.PostAsync(
            new BatchCreateRequest { Endpoint = cli.Value(Endpoint), InputFileId = file.Id, CompletionWindow = NebiusLimits.BatchCompletionWindow },
            cancellationToken: cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException("The server answered the batch create with an empty body.");
        await people.WriteLineAsync($"batch {created.Id}: {created.Status}").ConfigureAwait(false);
        var states = new StateChanges(people, created.Status);
        Batch batch;
        try
        {
            batch = await client.V1.Batches[created.Id!].WaitForCompletionAsync(wait, states, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C stops the waiting, not the batch: say so, with its id, so it can be looked up or cancelled later.
            await cli.Errors.WriteLineAsync($"nebius: batch {created.Id} keeps running on the server.").ConfigureAwait(false);
            throw;
        }

        var ok = batch.Status is "completed" or "done";
        long succeeded = 0;
        long failed = 0;
        if (ok)
        {
            succeeded = await SaveAsync(cli, session, batch.OutputFileId, output, endpoint, cancellationToken).ConfigureAwait(false);
            failed = errors is null
                ? await CountAsync(client, batch.ErrorFileId, endpoint, cancellationToken).ConfigureAwait(false)
                : await SaveAsync(cli, session, batch.ErrorFileId, errors, endpoint, cancellationToken).ConfigureAwait(false);
        }

        if (cli.Json)
        {
            await cli.WriteJsonAsync(new JsonObject
            {
                ["batch"] = await CliContext.ToJsonNodeAsync(batch).ConfigureAwait(false),
                ["output"] = ok ? Path.GetFullPath(output) : null,
                ["errors"] = ok && errors is not null ? Path.GetFullPath(errors) : null,
                ["succeeded"] = succeeded,
                ["failed"] = failed,
            }).ConfigureAwait(false);
        }
        else if (ok)
        {
            await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{succeeded:N0} succeeded, {failed:N0} failed; results in {output}{(errors is null ? string.Empty : $", errors in {errors}")}")).ConfigureAwait(false);
        }

        if (!ok)
        {
            await cli.Errors.WriteLineAsync($"nebius: batch {batch.Id} ended {batch.Status}; no results written.").ConfigureAwait(false);
            return CliApp.ApiFailure;
        }

        return CliApp.Ok;
    }

    private static BatchEndpoint ParseEndpoint(string? value) => value switch
    {
        "/v1/chat/completions" => BatchEndpoint.V1ChatCompletions,
        "/v1/embeddings" => BatchEndpoint.V1Embeddings,
        _ => throw new CliUsageException($"--endpoint must be /v1/chat/completions or /v1/embeddings, not '{value}'."),
    };

    private static NebiusWaitOptions WaitOptions(double pollSeconds, double? timeoutSeconds)
    {
        if (!(pollSeconds > 0) || double.IsInfinity(pollSeconds))
        {
            throw new CliUsageException("--poll-interval must be a positive number of seconds.");
        }

        if (timeoutSeconds is { } t && (!(t > 0) || double.IsInfinity(t)))
        {
            throw new CliUsageException("--timeout must be a positive number of seconds.");
        }

        var poll = TimeSpan.FromSeconds(pollSeconds);
        return new NebiusWaitOptions
        {
            PollInterval = poll,
            MaxPollInterval = poll > TimeSpan.FromSeconds(60) ? poll : TimeSpan.FromSeconds(60),
            Timeout = timeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    private static void CheckFolder(string path, string option)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is null || !Directory.Exists(folder))
        {
            throw new CliUsageException($"{option}: the folder of '{path}' does not exist.");
        }
    }

    /// <summary>Downloads a result file to <paramref name="path"/> (an empty file when the batch has none) and counts its lines.</summary>
    private static async Task<long> SaveAsync(CliContext cli, ClientSession session, string? fileId, string path, BatchEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(fileId))
        {
            await File.WriteAllBytesAsync(path, [], cancellationToken).ConfigureAwait(false);
            return 0;
        }

        await FilesCommand.DownloadFileAsync(cli, session, fileId, path, cancellationToken).ConfigureAwait(false);
        var file = File.OpenRead(path);
        await using (file.ConfigureAwait(false))
        {
            return await CountLinesAsync(file, endpoint, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Counts the lines of a result file without saving it (the errors when <c>--errors</c> is not given).</summary>
    private static async Task<long> CountAsync(NebiusClient client, string? fileId, BatchEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(fileId))
        {
            return 0;
        }

        var stream = await client.V1.Files[fileId].Content.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return 0;
        }

        await using (stream.ConfigureAwait(false))
        {
            return await CountLinesAsync(stream, endpoint, cancellationToken).ConfigureAwait(false);
        }
    }

    // The library's reader checks each line (JSON, custom_id), so a garbled file fails rather than miscounts.
    private static async Task<long> CountLinesAsync(Stream file, BatchEndpoint endpoint, CancellationToken cancellationToken)
    {
        long count = 0;
        if (endpoint == BatchEndpoint.V1Embeddings)
        {
            await foreach (var _ in BatchResultReader.ReadEmbeddingsAsync(file, cancellationToken).ConfigureAwait(false))
            {
                count++;
            }
        }
        else
        {
            await foreach (var _ in BatchResultReader.ReadChatCompletionsAsync(file, cancellationToken).ConfigureAwait(false))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Prints a line each time the batch's state changes (reported on the polling thread, in order).</summary>
    private sealed class StateChanges(TextWriter people, string? initial) : IProgress<Batch>
    {
        private string? _last = initial;

        public void Report(Batch value)
        {
            if (value.Status is { } status && !string.Equals(status, _last, StringComparison.Ordinal))
            {
                _last = status;
                var counts = value.RequestCounts is { Total: not null } c ? string.Create(CultureInfo.InvariantCulture, $" ({c.Completed}/{c.Total} done, {c.Failed} failed)") : string.Empty;
                people.WriteLine($"batch {value.Id}: {status}{counts}");
            }
        }
    }
}
