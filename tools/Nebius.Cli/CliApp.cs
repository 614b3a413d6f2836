using System.CommandLine;
using System.CommandLine.Help;
using Nebius.Cli.Commands;
using Nebius.TokenFactory;

namespace Nebius.Cli;

/// <summary>Builds the command tree (System.CommandLine), runs one command line and maps failures to exit codes.</summary>
internal static class CliApp
{
    public const int Ok = 0;
    public const int ApiFailure = 1;
    public const int UsageError = 2;

    /// <summary>Ctrl+C (SIGINT): 128 + 2, the code a shell reports for a command ended by that signal.</summary>
    public const int Interrupted = 130;

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken) =>
        RunAsync(args, output, errors, Environment.GetEnvironmentVariable, cancellationToken);

    /// <summary>As above, reading the environment through <paramref name="environment"/> (tests pass a fake one).</summary>
    internal static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var root = BuildRoot(output, errors, environment);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await errors.WriteLineAsync($"nebius: {error.Message}").ConfigureAwait(false);
            }

            await ShowHelpAsync(root, parse.CommandResult.Command, errors).ConfigureAwait(false);
            return UsageError;
        }

        try
        {
            // ProcessTerminationTimeout null: Ctrl+C is the caller's (Program.cs) to turn into the token, not a second handler's.
            var invocation = new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Whatever a command was doing when Ctrl+C came ends here, as a cancellation rather than a failure or a stack
            // trace: the token's OperationCanceledException, or an I/O error of the connection it tore down.
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await errors.WriteLineAsync("nebius: cancelled").ConfigureAwait(false);
            return Interrupted;
        }
        catch (CliUsageException ex)
        {
            await errors.WriteLineAsync($"nebius: {ex.Message}").ConfigureAwait(false);
            if (ex.ShowHelp)
            {
                await ShowHelpAsync(root, parse.CommandResult.Command, errors).ConfigureAwait(false);
            }

            return UsageError;
        }
        catch (ArgumentException ex)
        {
            // The client checks a request before sending it and names the field that is wrong.
            await errors.WriteLineAsync($"nebius: {ex.Message}").ConfigureAwait(false);
            return UsageError;
        }
        catch (NebiusApiException ex)
        {
            await errors.WriteLineAsync($"nebius: {ex.Message}").ConfigureAwait(false);
            return ApiFailure;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or NebiusStreamException or InvalidDataException or IOException)
        {
            await errors.WriteLineAsync($"nebius: {ex.Message}").ConfigureAwait(false);
            return ApiFailure;
        }
    }

    internal static Command BuildRoot(TextWriter output, TextWriter errors, Func<string, string?> environment)
    {
        // A plain command named "nebius" rather than RootCommand, whose name is the host's (testhost under tests).
        var root = new Command("nebius", """
            The Nebius Token Factory from the command line, against the real API (key from --api-key-file,
            --api-key or NEBIUS_API_KEY). --fake (or NEBIUS_FAKE=1) runs any command against the built-in fake
            server instead; only `smoke` runs there by default when no key is given, and says so.
            Exit codes: 0 success, 1 the API or the network failed, 2 usage error. A missing key is a usage error.
            Ctrl+C stops a command with exit code 130, after printing what it had already received.
            """)
        {
            Options = { new HelpOption(), new VersionOption() },
        };
        CliOptions.AddTo(root);
        Func<ParseResult, CliContext> context = parse => new CliContext(parse, output, errors, environment);
        root.Subcommands.Add(SmokeCommand.Create(context));
        root.Subcommands.Add(ModelsCommand.Create(context));
        root.Subcommands.Add(ChatCommand.Create(context));
        root.Subcommands.Add(EmbedCommand.Create(context));
        root.Subcommands.Add(FilesCommand.Create(context));
        root.Subcommands.Add(BatchesCommand.Create(context));
        root.Subcommands.Add(FineTuneCommand.Create(context));
        root.Subcommands.Add(EndpointsCommand.Create(context));
        root.Subcommands.Add(DatasetsCommand.Create(context));
        root.Subcommands.Add(OperationsCommand.Create(context));
        return root;
    }

    /// <summary>
    /// Sets a command's action: open a session (the real API, or the fake when asked for), run, close.
    /// <paramref name="offlineWithoutKey"/> lets a command fall back to the fake when no key is given (only <c>smoke</c>).
    /// </summary>
    internal static void SetSessionAction(this Command command, Func<ParseResult, CliContext> context, Func<CliContext, ClientSession, CancellationToken, Task<int>> action, bool offlineWithoutKey = false) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            var cli = context(parse);
            await using var session = await cli.OpenSessionAsync(offlineWithoutKey, cancellationToken).ConfigureAwait(false);
            return await action(cli, session, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>The help of the command that was being used, on <paramref name="writer"/> (stderr after a usage error).</summary>
    private static async Task ShowHelpAsync(Command root, Command command, TextWriter writer)
    {
        var path = new List<string>();
        for (var current = command; current is not null && current != root; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            path.Insert(0, current.Name);
        }

        path.Add("--help");
        await root.Parse(path).InvokeAsync(new InvocationConfiguration { Output = writer, Error = writer }).ConfigureAwait(false);
    }
}
