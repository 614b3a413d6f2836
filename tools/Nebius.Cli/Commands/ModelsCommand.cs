namespace Nebius.Cli.Commands;

/// <summary><c>nebius models</c>: one line per model.</summary>
internal static class ModelsCommand
{
    public static async Task<int> RunAsync(ClientSession session, CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var verbose = arguments.Flag("--verbose");
        foreach (var model in await session.Client.ListModelsAsync(verbose, cancellationToken).ConfigureAwait(false))
        {
            var details = verbose && model.ContextLength is { } context ? $"\t{context} tokens" : string.Empty;
            await output.WriteLineAsync(model.Id + details).ConfigureAwait(false);
        }

        return 0;
    }
}
