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
        await foreach (var chunk in session.Client.StreamChatAsync(request, cancellationToken).ConfigureAwait(false))
        {
            accumulator.Add(chunk);
            if (!cli.Json)
            {
                await cli.Output.WriteAsync(chunk.Choices?.FirstOrDefault()?.Delta?.Content).ConfigureAwait(false);
                await cli.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (cli.Json)
        {
            await cli.WriteJsonAsync(accumulator.ToResponse()).ConfigureAwait(false);
        }
        else
        {
            await cli.Output.WriteLineAsync().ConfigureAwait(false);
        }

        return CliApp.Ok;
    }
}
