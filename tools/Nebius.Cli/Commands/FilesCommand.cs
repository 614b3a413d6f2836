using System.CommandLine;
using System.Globalization;
using Nebius.TokenFactory.Models;

namespace Nebius.Cli.Commands;

/// <summary><c>nebius files list|upload|download|delete</c>: the files of the project.</summary>
internal static class FilesCommand
{
    private static readonly Option<string> Purpose = new("--purpose") { Description = "Only files of this purpose.", HelpName = "batch|fine-tune" };

    private static readonly Option<int?> Limit = new("--limit") { Description = "The most files to list (default: all of them, up to 10,000).", HelpName = "n" };

    private static readonly Argument<string> FileId = new("file-id") { Description = "The file to delete, e.g. file-0123…" };

    private static readonly Argument<string> UploadPath = new("path") { Description = "The file to upload (JSONL for batches and fine-tuning)." };

    // Checked by us rather than AcceptOnlyFromAmong, so the message names the option and the values it takes.
    private static readonly Option<string> UploadPurpose = new("--purpose") { Description = "What the file is for.", HelpName = "batch|fine-tune", Required = true };

    private static readonly Argument<string> DownloadId = new("file-id") { Description = "The file to download, e.g. file-0123…" };

    private static readonly Option<string> DownloadOutput = new("--output", "-o") { Description = "Where to save it (replaced if it exists; its folder must exist).", HelpName = "path", Required = true };

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        Purpose.AcceptOnlyFromAmong("batch", "fine-tune");
        var list = new Command("list", "List the uploaded files (all of them, not the API's default page of 10).") { Purpose, Limit };
        list.SetSessionAction(context, ListAsync);
        var upload = new Command("upload", "Upload a file, streamed, with a progress bar on a terminal.") { UploadPath, UploadPurpose };
        upload.SetSessionAction(context, UploadAsync);
        var download = new Command("download", "Download a file's content, streamed, with a progress bar on a terminal.") { DownloadId, DownloadOutput };
        download.SetSessionAction(context, DownloadAsync);
        var delete = new Command("delete", "Delete a file.") { FileId };
        delete.SetSessionAction(context, DeleteAsync);
        return new Command("files", "Files for batches and fine-tuning.") { list, upload, download, delete };
    }

    private static async Task<int> ListAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        FilePurpose? purpose = cli.Value(Purpose) switch
        {
            "batch" => FilePurpose.Batch,
            "fine-tune" => FilePurpose.FineTune,
            _ => null,
        };
        var limit = cli.Value(Limit);
        if (limit is < 1)
        {
            throw new CliUsageException($"--limit must be at least 1 (got {limit}).");
        }

        var files = new List<FileResponse>();
        await foreach (var file in session.Client.V1.Files.ListAllAsync(purpose, limit, cancellationToken).ConfigureAwait(false))
        {
            files.Add(file);
        }

        if (cli.Json)
        {
            await cli.WriteJsonAsync(new FileList { Object = "list", Data = files }).ConfigureAwait(false);
            return CliApp.Ok;
        }

        var table = CliConsole.Table("id", "filename", "purpose", "bytes", "created (UTC)");
        foreach (var file in files)
        {
            table.AddTextRow(file.Id, file.Filename, file.Purpose, file.Bytes?.ToString("N0", CultureInfo.InvariantCulture), CliConsole.Time(file.CreatedAt));
        }

        await cli.WriteTableAsync(table, "no files").ConfigureAwait(false);
        return CliApp.Ok;
    }

    private static async Task<int> DeleteAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        var id = cli.Value(FileId)!;
        var deleted = await session.Client.V1.Files[id].DeleteAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (cli.Json)
        {
            await cli.WriteJsonAsync(deleted).ConfigureAwait(false);
        }
        else
        {
            await cli.Output.WriteLineAsync(deleted?.Deleted == true ? $"deleted {deleted.Id ?? id}" : $"not deleted: {id}").ConfigureAwait(false);
        }

        return deleted?.Deleted == true ? CliApp.Ok : CliApp.ApiFailure;
    }

    /// <summary>The purpose named on the command line, or a usage error naming <c>--purpose</c>.</summary>
    internal static FilePurpose ParsePurpose(string? value) => value switch
    {
        "batch" => FilePurpose.Batch,
        "fine-tune" => FilePurpose.FineTune,
        _ => throw new CliUsageException($"--purpose must be batch or fine-tune, not '{value}'."),
    };

    private static async Task<int> UploadAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        var path = cli.Value(UploadPath)!;
        var purpose = ParsePurpose(cli.Value(UploadPurpose));
        if (!File.Exists(path))
        {
            throw new CliUsageException($"<path>: no file at '{path}'.");
        }

        var size = new FileInfo(path).Length;
        var file = await TransferProgress.RunAsync(
            cli,
            $"uploading {Path.GetFileName(path)}",
            size,
            progress => session.Client.V1.Files.UploadAsync(path, purpose, progress, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (cli.Json)
        {
            await cli.WriteJsonAsync(file).ConfigureAwait(false);
        }
        else
        {
            await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"uploaded {file.Id} ({file.Filename}, {file.Bytes ?? size:N0} bytes, {file.Purpose})")).ConfigureAwait(false);
        }

        return CliApp.Ok;
    }

    private static async Task<int> DownloadAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        var id = cli.Value(DownloadId)!;
        var output = cli.Value(DownloadOutput)!;
        var folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (folder is null || !Directory.Exists(folder))
        {
            throw new CliUsageException($"--output: the folder of '{output}' does not exist.");
        }

        var bytes = await DownloadFileAsync(cli, session, id, output, cancellationToken).ConfigureAwait(false);
        if (cli.Json)
        {
            await cli.WriteJsonAsync(new System.Text.Json.Nodes.JsonObject { ["id"] = id, ["output"] = Path.GetFullPath(output), ["bytes"] = bytes }).ConfigureAwait(false);
        }
        else
        {
            await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"downloaded {id} to {output} ({bytes:N0} bytes)")).ConfigureAwait(false);
        }

        return CliApp.Ok;
    }

    /// <summary>Saves a file's content to <paramref name="path"/>, with a bar on a terminal (sized from the file's metadata).</summary>
    internal static async Task<long> DownloadFileAsync(CliContext cli, ClientSession session, string id, string path, CancellationToken cancellationToken)
    {
        // The size is asked for only when a bar is drawn; scripts get the download alone, one request.
        var size = TransferProgress.Shown(cli)
            ? (await session.Client.V1.Files[id].GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false))?.Bytes
            : null;
        return await TransferProgress.RunAsync(
            cli,
            $"downloading {id}",
            size,
            progress => session.Client.V1.Files[id].Content.DownloadToFileAsync(path, progress, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
