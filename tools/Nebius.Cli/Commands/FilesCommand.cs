using System.CommandLine;
using System.Globalization;
using Nebius.TokenFactory.Models;

namespace Nebius.Cli.Commands;

/// <summary><c>nebius files list|delete</c>: the files of the project.</summary>
internal static class FilesCommand
{
    private static readonly Option<string> Purpose = new("--purpose") { Description = "Only files of this purpose.", HelpName = "batch|fine-tune" };

    private static readonly Argument<string> FileId = new("file-id") { Description = "The file to delete, e.g. file-0123…" };

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        Purpose.AcceptOnlyFromAmong("batch", "fine-tune");
        var list = new Command("list", "List the uploaded files.") { Purpose };
        list.SetSessionAction(context, ListAsync);
        var delete = new Command("delete", "Delete a file.") { FileId };
        delete.SetSessionAction(context, DeleteAsync);
        return new Command("files", "Files for batches and fine-tuning.") { list, delete };
    }

    private static async Task<int> ListAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        FilePurpose? purpose = cli.Value(Purpose) switch
        {
            "batch" => FilePurpose.Batch,
            "fine-tune" => FilePurpose.FineTune,
            _ => null,
        };
        var files = await session.Client.V1.Files.GetAsync(c => c.QueryParameters.Purpose = purpose, cancellationToken).ConfigureAwait(false);
        if (cli.Json)
        {
            await cli.WriteJsonAsync(files).ConfigureAwait(false);
            return CliApp.Ok;
        }

        var table = CliConsole.Table("id", "filename", "purpose", "bytes", "created (UTC)");
        foreach (var file in files?.Data ?? [])
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
}
