using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Streaming;

public sealed class CompletionStreamingTests
{
    [Fact]
    public async Task Text_completions_stream_through_the_same_reader()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond(async (context, _) =>
        {
            await LoopbackServer.BeginEventStream(context);
            await LoopbackServer.WriteEvent(context, """data: {"id":"cmpl-1","object":"text_completion","choices":[{"index":0,"text":"Once"}]}""");
            await LoopbackServer.WriteEvent(context, """data: {"id":"cmpl-1","object":"text_completion","choices":[{"index":0,"text":" upon","finish_reason":"length"}]}""");
            await LoopbackServer.WriteEvent(context, "data: [DONE]");
        });
        using var client = TestClients.Create(server, o => o.AiProjectId = "p");
        var request = new CompletionRequest { Model = "m", Prompt = "Tell me a story" };

        var pieces = new List<string?>();
        var finish = new List<string?>();
        await foreach (var chunk in client.V1.Completions.StreamAsync(request))
        {
            pieces.Add(chunk.Choices![0].Text);
            finish.Add(chunk.Choices[0].FinishReason);
        }

        Assert.Equal(["Once", " upon"], pieces);
        Assert.Equal([null, "length"], finish);
        var sent = Assert.Single(server.Journal);
        Assert.Equal("/v1/completions", sent.Path);
        Assert.Contains("\"stream\":true", sent.Body, StringComparison.Ordinal);
        Assert.Contains("\"prompt\":\"Tell me a story\"", sent.Body, StringComparison.Ordinal);
        Assert.Equal("p", sent.QueryValue("ai_project_id"));
    }
}
