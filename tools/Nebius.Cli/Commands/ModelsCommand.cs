using System.CommandLine;
using System.Globalization;

namespace Nebius.Cli.Commands;

/// <summary><c>nebius models</c>: the serverless models, one row each.</summary>
internal static class ModelsCommand
{
    private static readonly Option<bool> Verbose = new("--verbose") { Description = "Ask for the details (context length, features)." };

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("models", "List the serverless models.") { Verbose };
        command.SetSessionAction(context, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        var verbose = cli.Value(Verbose);
        var models = await session.Client.ListModelsAsync(verbose, cancellationToken).ConfigureAwait(false);
        if (cli.Json)
        {
            await cli.WriteJsonAsync(models).ConfigureAwait(false);
            return CliApp.Ok;
        }

        var table = verbose ? CliConsole.Table("model", "context", "features") : CliConsole.Table("model", "owner");
        foreach (var model in models)
        {
            if (verbose)
            {
                table.AddTextRow(model.Id, model.ContextLength?.ToString(CultureInfo.InvariantCulture), string.Join(", ", model.Features ?? []));
            }
            else
            {
                table.AddTextRow(model.Id, model.OwnedBy);
            }
        }

        await cli.WriteTableAsync(table, "no models").ConfigureAwait(false);
        return CliApp.Ok;
    }
}
