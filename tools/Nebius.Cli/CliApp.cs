using Nebius.Cli.Commands;
using Nebius.TokenFactory;

namespace Nebius.Cli;

/// <summary>Dispatches a command line and maps failures to exit codes.</summary>
internal static class CliApp
{
    public const string Usage = """
        nebius <command> [options]

        commands:
          smoke                 check the key: models list, a chat completion and a stream, with latency and request ids
          models [--verbose]    list the serverless models
          chat <prompt>         stream an answer to the terminal (--model <id>)

        options (environment):
          --api-key <key>       (NEBIUS_API_KEY) without one, the built-in fake server answers
          --base-url <url>      (NEBIUS_BASE_URL) another host, e.g. a regional one or a local server
          --project <id>        (NEBIUS_AI_PROJECT_ID) the ai_project_id of every call
          --model <id>          the model for smoke and chat
        """;

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken) =>
        RunAsync(args, output, errors, Environment.GetEnvironmentVariable, cancellationToken);

    /// <summary>As above, reading the environment through <paramref name="environment"/> (tests pass a fake one).</summary>
    internal static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        try
        {
            var arguments = CliArguments.Parse(args, environment);
            if (arguments.Command == "help" || arguments.Flag("--help"))
            {
                await output.WriteLineAsync(Usage).ConfigureAwait(false);
                return 0;
            }

            Func<ClientSession, CliArguments, TextWriter, CancellationToken, Task<int>> command = arguments.Command switch
            {
                "smoke" => SmokeCommand.RunAsync,
                "models" => ModelsCommand.RunAsync,
                "chat" => ChatCommand.RunAsync,
                _ => throw new CliUsageException($"unknown command '{arguments.Command}'"),
            };
            await using var session = await ClientSession.OpenAsync(arguments, errors, cancellationToken).ConfigureAwait(false);
            return await command(session, arguments, output, cancellationToken).ConfigureAwait(false);
        }
        catch (CliUsageException ex)
        {
            await errors.WriteLineAsync($"nebius: {ex.Message}\n\n{Usage}").ConfigureAwait(false);
            return 2;
        }
        catch (NebiusApiException ex)
        {
            await errors.WriteLineAsync($"nebius: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or NebiusStreamException)
        {
            await errors.WriteLineAsync($"nebius: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await errors.WriteLineAsync("nebius: cancelled").ConfigureAwait(false);
            return 1;
        }
    }
}
