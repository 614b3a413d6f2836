using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Nebius.TokenFactory;
using Nebius.TokenFactory.Models;

namespace Nebius.Cli.Commands;

/// <summary><c>nebius datasets list|upload|delete</c>: the Data Lab datasets of the project.</summary>
internal static class DatasetsCommand
{
    private static readonly Argument<string> UploadPath = new("path") { Description = "The data file (e.g. JSONL), sent in parts." };

    private static readonly Option<string> Name = new("--name") { Description = "The new dataset's name.", HelpName = "name", Required = true };

    private static readonly Option<string> Folder = new("--folder") { Description = "Its folder.", HelpName = "path", DefaultValueFactory = _ => "/" };

    private static readonly Option<string[]> Columns = new("--column")
    {
        Description = "A column as name:type (string, integer, boolean, float, double, json); repeat for each column.",
        HelpName = "name:type",
        Required = true,
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<int?> PartSizeMiB = new("--part-size") { Description = "MiB per part (default 16).", HelpName = "MiB" };

    private static readonly Option<string> Resume = new("--resume") { Description = "Resume the upload whose state a failed run saved to this file.", HelpName = "state.json" };

    private static readonly Argument<string> DatasetId = new("dataset-id") { Description = "The dataset to delete." };

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var list = new Command("list", "List the datasets of the project.");
        list.SetSessionAction(context, ListAsync);
        var upload = new Command("upload", "Upload a file as a new dataset, in parts; a failed upload saves its state to resume with --resume.")
        {
            UploadPath, Name, Folder, Columns, PartSizeMiB, Resume,
        };
        upload.SetSessionAction(context, UploadAsync);
        var delete = new Command("delete", "Delete a dataset.") { DatasetId };
        delete.SetSessionAction(context, DeleteAsync);
        return new Command("datasets", "Data Lab datasets.") { list, upload, delete };
    }

    private static async Task<int> ListAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        var datasets = new List<DatasetResponse>();
        await foreach (var dataset in session.Client.V1.Datasets.ListAllAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            datasets.Add(dataset);
        }

        if (cli.Json)
        {
            await cli.WriteJsonAsync(datasets).ConfigureAwait(false);
            return CliApp.Ok;
        }

        var table = CliConsole.Table("id", "name", "folder", "status", "created (UTC)");
        foreach (var dataset in datasets)
        {
            table.AddTextRow(dataset.Id, dataset.Name, dataset.Folder, dataset.Status, CliConsole.Time(dataset.CreatedAt));
        }

        await cli.WriteTableAsync(table, "no datasets").ConfigureAwait(false);
        return CliApp.Ok;
    }

    private static async Task<int> UploadAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        var path = cli.Value(UploadPath)!;
        if (!File.Exists(path))
        {
            throw new CliUsageException($"<path>: no file at '{path}'.");
        }

        var request = new CreateUploadRequest { Name = cli.Value(Name), Folder = cli.Value(Folder), Schema = [.. (cli.Value(Columns) ?? []).Select(ParseColumn)] };
        var partSize = cli.Value(PartSizeMiB) switch
        {
            null => new DatasetUploadOptions().PartSize,
            >= 1 and <= DatasetUploadOptions.MaxPartSize / (1024 * 1024) and var mib => mib * 1024 * 1024,
            var mib => throw new CliUsageException($"--part-size must be between 1 and {DatasetUploadOptions.MaxPartSize / (1024 * 1024)} MiB, not {mib}."),
        };
        var statePath = cli.Value(Resume) ?? path + ".upload-state.json";
        var saved = cli.Value(Resume) is { } resume ? await ReadStateAsync(resume, cancellationToken).ConfigureAwait(false) : null;
        UploadResponse upload;
        try
        {
            upload = await TransferProgress.RunAsync(cli, $"uploading {Path.GetFileName(path)}", new FileInfo(path).Length, async progress =>
            {
                var withProgress = new DatasetUploadOptions { PartSize = partSize, Progress = progress };
                if (saved is null)
                {
                    return await session.Client.V1.Datasets.Uploads.UploadAsync(request, path, withProgress, cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                await using var source = File.OpenRead(path);
                return await session.Client.V1.Datasets.Uploads.ResumeAsync(saved, source, withProgress, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        catch (DatasetUploadException ex)
        {
            await File.WriteAllTextAsync(statePath, JsonSerializer.Serialize(ex.State), cancellationToken).ConfigureAwait(false);
            await cli.Errors.WriteLineAsync($"nebius: {ex.Message}").ConfigureAwait(false);
            await cli.Errors.WriteLineAsync($"nebius: the upload's state is saved in {statePath}; run the same command with --resume {statePath}").ConfigureAwait(false);
            return CliApp.ApiFailure;
        }

        if (cli.Json)
        {
            await cli.WriteJsonAsync(upload).ConfigureAwait(false);
        }
        else
        {
            await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"uploaded {path} as dataset {upload.UploadInfo?.Dataset?.Id} ({upload.UploadInfo?.Status}, upload {upload.Id})")).ConfigureAwait(false);
        }

        return CliApp.Ok;
    }

    private static async Task<int> DeleteAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        var id = cli.Value(DatasetId)!;
        var answer = await session.Client.V1.Datasets[id].DeleteAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (cli.Json)
        {
            await cli.WriteJsonAsync(answer).ConfigureAwait(false);
        }
        else
        {
            await cli.Output.WriteLineAsync($"deleted {id}").ConfigureAwait(false);
        }

        return CliApp.Ok;
    }

    /// <summary>A <c>name:type</c> column, or a usage error naming <c>--column</c>.</summary>
    private static ColumnSchema ParseColumn(string text)
    {
        var parts = text.Split(':', 2, StringSplitOptions.TrimEntries);
        return parts is [{ Length: > 0 } name, { Length: > 0 } type]
            ? new ColumnSchema { Name = name, Type = new ColumnType { Name = type } }
            : throw new CliUsageException($"--column must be name:type, not '{text}'.");
    }

    private static async Task<DatasetUploadState> ReadStateAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"--resume: no file at '{path}'.");
        }

        try
        {
            await using var file = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<DatasetUploadState>(file, cancellationToken: cancellationToken).ConfigureAwait(false)
                ?? throw new CliUsageException($"--resume: '{path}' holds no upload state.");
        }
        catch (JsonException ex)
        {
            throw new CliUsageException($"--resume: '{path}' is not an upload state ({ex.Message}).");
        }
    }
}
