using System.CommandLine;
using Nebius.TokenFactory;
using Nebius.TokenFactory.Models;

namespace Nebius.Cli.Commands;

/// <summary><c>nebius chat "prompt"</c>: streams the answer as it is generated.</summary>
internal static class ChatCommand
{
    public const string DefaultModel = "meta-llama/Meta-Llama-3.1-8B-Instruct";

    private static readonly Argument<string[]> Prompt = new("prompt") { Description = "What to ask (several words are joined with spaces).", Arity = ArgumentArity.OneOrMore };

    private static readonly Option<string> Model = new("--model") { Description = $"The model (default {DefaultModel}).", HelpName = "id", DefaultValueFactory = _ => DefaultModel };

    private static readonly Option<int?> MaxTokens = new("--max-tokens") { Description = "Stop after this many tokens.", HelpName = "n" };

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("chat", "Stream an answer to the terminal (with --json: print the whole response once it is complete).") { Prompt, Model, MaxTokens };
        command.SetSessionAction(context, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ClientSession session, CancellationToken cancellationToken)
    {
        var request = new ChatCompletionRequest
        {
            Model = cli.Value(Model),
            MaxTokens = cli.Value(MaxTokens),
            Messages = [new ChatCompletionMessage { Role = ChatRole.User, Content = string.Join(' ', cli.Value(Prompt) ?? []) }],
        };
        var accumulator = new ChatCompletionAccumulator();
        try
        {
            await foreach (var chunk in session.Client.StreamChatAsync(request, cancellationToken).ConfigureAwait(false))
            {
                accumulator.Add(chunk);
                if (!cli.Json)
                {
                    await cli.Output.WriteAsync(chunk.Choices?.FirstOrDefault()?.Delta?.Content).ConfigureAwait(false);

                    // Not with the token: after Ctrl+C the text already written must still reach the terminal.
                    await cli.Output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C mid-answer: the partial answer is the user's, so it is finished off (or, with --json, printed as the
            // response so far) before the cancellation goes on to exit 130.
            await FinishAsync(cli, accumulator).ConfigureAwait(false);
            throw;
        }

        await FinishAsync(cli, accumulator).ConfigureAwait(false);
        return CliApp.Ok;
    }

    /// <summary>Ends the answer: the line of streamed text, or the whole (possibly partial) response as JSON.</summary>
    private static Task FinishAsync(CliContext cli, ChatCompletionAccumulator accumulator) =>
        cli.Json ? cli.WriteJsonAsync(accumulator.ToResponse()) : cli.Output.WriteLineAsync();
}
