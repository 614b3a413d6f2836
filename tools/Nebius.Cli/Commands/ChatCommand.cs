using Nebius.TokenFactory.Models;

namespace Nebius.Cli.Commands;

/// <summary><c>nebius chat "prompt"</c>: streams the answer as it is generated.</summary>
internal static class ChatCommand
{
    public const string DefaultModel = "meta-llama/Meta-Llama-3.1-8B-Instruct";

    public static async Task<int> RunAsync(ClientSession session, CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.Words.Count == 0)
        {
            throw new CliUsageException("chat needs a prompt, e.g. nebius chat \"What is a token?\"");
        }

        var request = new ChatCompletionRequest
        {
            Model = arguments.Option("--model") ?? DefaultModel,
            Messages = [new ChatCompletionMessage { Role = ChatRole.User, Content = string.Join(' ', arguments.Words) }],
        };
        await foreach (var chunk in session.Client.StreamChatAsync(request, cancellationToken).ConfigureAwait(false))
        {
            await output.WriteAsync(chunk.Choices?.FirstOrDefault()?.Delta?.Content).ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        return 0;
    }
}
