using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.Tests.Infrastructure;

/// <summary>Minimal valid request bodies.</summary>
internal static class TestRequests
{
    public static ChatCompletionRequest Chat(string model, string text = "Hello") => new()
    {
        Model = model,
        Messages = [new ChatCompletionMessage { Role = ChatRole.User, Content = text }],
    };
}
