using System.Buffers.Binary;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Client;

public sealed class ConvenienceTests
{
    [Fact]
    public async Task AskAsync_sends_one_user_message_and_returns_the_answer_text()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RespondJson(200, """{"id":"c","choices":[{"index":0,"message":{"role":"assistant","content":"Paris."},"finish_reason":"stop"}]}""");
        using var client = TestClients.Create(server);

        var answer = await client.AskAsync("m", "Capital of France?");

        Assert.Equal("Paris.", answer);
        Assert.Contains("""{"content":"Capital of France?","role":"user"}""", Assert.Single(server.Journal).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbedAsync_asks_for_base64_and_decodes_vectors_in_input_order()
    {
        await using var server = await LoopbackServer.StartAsync();
        var first = Base64Floats(0.5f, -1.25f);
        var second = Base64Floats(3f, 4f);
        server.RespondJson(200, $$"""{"object":"list","model":"m","data":[{"index":1,"embedding":"{{second}}"},{"index":0,"embedding":"{{first}}"}]}""");
        using var client = TestClients.Create(server);

        var vectors = await client.EmbedAsync("m", ["a", "b"], dimensions: 2);

        Assert.Equal([0.5f, -1.25f], vectors[0]);
        Assert.Equal([3f, 4f], vectors[1]);
        var body = Assert.Single(server.Journal).Body;
        Assert.Contains("\"encoding_format\":\"base64\"", body, StringComparison.Ordinal);
        Assert.Contains("\"dimensions\":2", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Float_embeddings_convert_to_a_vector_too()
    {
        var embedding = new Embedding { EmbeddingProp = new List<float?> { 1f, 2.5f } };

        Assert.Equal([1f, 2.5f], embedding.ToVector());
    }

    [Fact]
    public async Task ListModelsAsync_passes_verbose_and_returns_the_items()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RespondJson(200, """{"object":"list","data":[{"id":"a","object":"model"},{"id":"b","object":"model","context_length":131072}]}""");
        using var client = TestClients.Create(server);

        var models = await client.ListModelsAsync(verbose: true);

        Assert.Equal(["a", "b"], models.Select(m => m.Id));
        Assert.Equal(131072L, models[1].ContextLength);
        Assert.Equal("true", Assert.Single(server.Journal).QueryValue("verbose"));
    }

    public static TheoryData<string, Action<ChatCompletionRequest>> BadChatRequests() => new()
    {
        { "request.model", r => r.Model = " " },
        { "request.messages", r => r.Messages = [] },
        { "request.temperature", r => r.Temperature = 2.5 },
        { "request.top_p", r => r.TopP = -0.1 },
        { "request.n", r => r.N = 0 },
    };

    [Theory]
    [MemberData(nameof(BadChatRequests))]
    public async Task Bad_chat_requests_fail_before_anything_is_sent_naming_the_field(string field, Action<ChatCompletionRequest> spoil)
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = TestClients.Create(server);
        var request = TestRequests.Chat("m");
        spoil(request);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.CompleteChatAsync(request));

        Assert.Equal("request", error.ParamName);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Journal);
    }

    [Fact]
    public async Task A_stream_request_without_messages_fails_before_sending()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = TestClients.Create(server);

        var error = Assert.Throws<ArgumentException>(() => client.V1.Chat.Completions.StreamAsync(new ChatCompletionRequest { Model = "m" }));

        Assert.Equal("body", error.ParamName);
        Assert.Empty(server.Journal);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task EmbedAsync_refuses_empty_or_null_inputs()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = TestClients.Create(server);

        Assert.Equal("inputs", (await Assert.ThrowsAsync<ArgumentException>(() => client.EmbedAsync("m", []))).ParamName);
        Assert.Equal("inputs", (await Assert.ThrowsAsync<ArgumentException>(() => client.EmbedAsync("m", ["a", null!]))).ParamName);
        Assert.Equal("model", (await Assert.ThrowsAsync<ArgumentException>(() => client.EmbedAsync("", ["a"]))).ParamName);
        Assert.Empty(server.Journal);
    }

    private static string Base64Floats(params float[] values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }

        return Convert.ToBase64String(bytes);
    }
}
