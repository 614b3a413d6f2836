using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nebius.TokenFactory.AI;
using Nebius.TokenFactory.Testing;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.AI;

/// <summary>The DI helpers: adapters over registered clients, composed with Microsoft.Extensions.AI's builders.</summary>
public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task A_registered_chat_client_composes_with_function_invocation_and_logging()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.ChatTurns.Enqueue(FakeChatTurn.CallTools(new FakeToolCall("call_9", "add", """{"a":2,"b":3}""")));
        fake.ChatTurns.Enqueue(FakeChatTurn.Reply("The sum is 5."));
        using var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddNebiusTokenFactory(o =>
        {
            o.ApiKey = "fake-key";
            o.BaseUrl = fake.BaseUrl;
        });
        services.AddNebiusChatClient(AIFixture.ChatModel).UseFunctionInvocation().UseLogging();
        await using var provider = services.BuildServiceProvider();

        var chat = provider.GetRequiredService<IChatClient>();
        var add = AIFunctionFactory.Create((int a, int b) => a + b, "add");
        var response = await chat.GetResponseAsync("2+3?", new ChatOptions { Tools = [add] });

        Assert.Equal("The sum is 5.", response.Text);
        var tool = System.Text.Json.Nodes.JsonNode.Parse(fake.Journal.Last().Body)!["messages"]!.AsArray().Last()!;
        Assert.Equal("5", (string?)tool["content"]);
        Assert.Contains(logs.Lines, l => l.Contains("GetResponseAsync", StringComparison.Ordinal));
        Assert.Equal(AIFixture.ChatModel, chat.GetService<ChatClientMetadata>()?.DefaultModelId);
    }

    [Fact]
    public async Task Named_clients_get_keyed_adapters_with_their_own_settings()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var services = new ServiceCollection();
        services.AddNebiusTokenFactory("team-a", o =>
        {
            o.ApiKey = "fake-key";
            o.BaseUrl = fake.BaseUrl;
            o.AiProjectId = "project-a";
        });
        services.AddNebiusChatClient(AIFixture.ChatModel, clientName: "team-a");
        services.AddNebiusEmbeddingGenerator(AIFixture.EmbeddingModel, defaultDimensions: 12, clientName: "team-a");
        await using var provider = services.BuildServiceProvider();

        var chat = provider.GetRequiredKeyedService<IChatClient>("team-a");
        var embeddings = provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>("team-a");
        await chat.GetResponseAsync("Hi");
        var vector = await embeddings.GenerateVectorAsync("Hi");

        Assert.Equal(12, vector.Length);
        Assert.Equal(2, fake.Journal.Count);
        Assert.All(fake.Journal, r => Assert.Contains("ai_project_id=project-a", r.Query, StringComparison.Ordinal));
        Assert.Null(provider.GetService<IChatClient>());
    }
}
