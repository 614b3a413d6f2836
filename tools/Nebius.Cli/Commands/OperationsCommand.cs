using System.CommandLine;
using Nebius.TokenFactory.Models;

namespace Nebius.Cli.Commands;

/// <summary><c>nebius operations list|status|cancel|errors</c>: the Data Lab operations of the project.</summary>
internal static class OperationsCommand
{
    private static readonly Argument<string> OperationId = new("operation-id") { Description = "The operation, e.g. op-0123…" };

    private static readonly Option<bool> NoWait = new("--no-wait") { Description = "Send the cancel and return without waiting for the operation to end." };

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var list = new Command("list", "List the operations of the project, newest first.");
        list.SetSessionAction(context, ListAsync);
        var status = new Command("status", "Show one operation.") { OperationId };
        status.SetSessionAction(context, StatusAsync);
        var cancel = new Command("cancel", "Cancel an operation and wait until it has ended.") { OperationId, NoWait };
        cancel.SetSessionAction(context, CancelAsync);
        var errors = new Command("errors", "List the error messages of an operation.") { OperationId };
        errors.SetSessionAction(context, ErrorsAsync);
        return new Command("operations", "Data Lab operations (batch inference over datasets, queries, conversions).") { list, status, cancel, errors };
    }

    private static async Task<int> ListAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        var operations = new List<OperationResponse>();
        await foreach (var operation in session.Client.V1.Operations.ListAllAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            operations.Add(operation);
        }

        if (cli.Json)
        {
            await cli.WriteJsonAsync(operations).ConfigureAwait(false);
            return CliApp.Ok;
        }

        var table = CliConsole.Table("id", "type", "status", "created (UTC)");
        foreach (var operation in operations)
        {
            table.AddTextRow(operation.Id, operation.Type, operation.Status, CliConsole.Time(operation.CreatedAt));
        }

        await cli.WriteTableAsync(table, "no operations").ConfigureAwait(false);
        return CliApp.Ok;
    }

    private static async Task<int> StatusAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        var operation = await session.Client.V1.Operations[cli.Value(OperationId)!].GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await WriteAsync(cli, operation).ConfigureAwait(false);
        return CliApp.Ok;
    }

    private static async Task<int> CancelAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        var item = session.Client.V1.Operations[cli.Value(OperationId)!];
        if (cli.Value(NoWait))
        {
            var answer = await item.Cancel.PostAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (cli.Json)
            {
                await cli.WriteJsonAsync(answer).ConfigureAwait(false);
            }
            else
            {
                await cli.Output.WriteLineAsync($"cancel sent for {cli.Value(OperationId)}").ConfigureAwait(false);
            }

            return CliApp.Ok;
        }

        var ended = await item.CancelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await WriteAsync(cli, ended).ConfigureAwait(false);
        return ended.Status == "cancelled" ? CliApp.Ok : CliApp.ApiFailure;
    }

    private static async Task<int> ErrorsAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        var errors = await session.Client.V1.Operations[cli.Value(OperationId)!].Errors.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        if (cli.Json)
        {
            await cli.WriteJsonAsync(errors).ConfigureAwait(false);
            return CliApp.Ok;
        }

        var messages = errors?.Data ?? [];
        await cli.Output.WriteLineAsync(messages.Count == 0 ? "no errors" : string.Join(Environment.NewLine, messages)).ConfigureAwait(false);
        return CliApp.Ok;
    }

    private static async Task WriteAsync(CliContext cli, OperationResponse? operation)
    {
        if (cli.Json)
        {
            await cli.WriteJsonAsync(operation).ConfigureAwait(false);
            return;
        }

        var table = CliConsole.Table("id", "type", "status", "created (UTC)", "finished (UTC)");
        table.AddTextRow(operation?.Id, operation?.Type, operation?.Status, CliConsole.Time(operation?.CreatedAt), CliConsole.Time(operation?.FinishedAt));
        await cli.WriteTableAsync(table, "no operation").ConfigureAwait(false);
    }
}
