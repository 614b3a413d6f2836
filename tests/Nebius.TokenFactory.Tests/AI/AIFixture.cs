using System.Text.Json.Nodes;
using Nebius.TokenFactory.Testing;

namespace Nebius.TokenFactory.Tests.AI;

/// <summary>The fake Token Factory with a client pointed at it, and the chat requests it received as JSON.</summary>
internal sealed class AIFixture : IAsyncDisposable
{
    public const string ChatModel = "Qwen/Qwen3-235B-A22B";
    public const string EmbeddingModel = "BAAI/bge-en-icl";

    private AIFixture(FakeTokenFactory fake, NebiusClient client)
    {
        Fake = fake;
        Client = client;
    }

    public FakeTokenFactory Fake { get; }

    public NebiusClient Client { get; }

    public static async Task<AIFixture> StartAsync(Action<NebiusClientOptions>? configure = null)
    {
        var fake = await FakeTokenFactory.StartAsync();
        var options = new NebiusClientOptions
        {
            ApiKey = "fake-key",
            BaseUrl = fake.BaseUrl,
            Retry = new NebiusRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        };
        configure?.Invoke(options);
        return new AIFixture(fake, new NebiusClient(options));
    }

    /// <summary>The bodies of the requests to <paramref name="path"/>, in order.</summary>
    public List<JsonObject> Bodies(string path = "/v1/chat/completions") =>
        [.. Fake.Journal.Where(r => r.Path == path).Select(r => JsonNode.Parse(r.Body)!.AsObject())];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Fake.DisposeAsync();
    }
}
