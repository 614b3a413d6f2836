using System.Text;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Streaming;

public sealed class LongStreamTests
{
    [Fact]
    public async Task A_thousand_chunk_stream_with_reasoning_and_two_tool_calls_folds_into_the_exact_message()
    {
        const int Chunks = 1_000;
        var expectedReasoning = new StringBuilder();
        var expectedContent = new StringBuilder();
        var expectedArguments = new[] { new StringBuilder(), new StringBuilder() };
        var frames = new List<string>
        {
            """data: {"id":"c","model":"m","created":1,"choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,"id":"call-0","type":"function","function":{"name":"search","arguments":""}},{"index":1,"id":"call-1","type":"function","function":{"name":"fetch","arguments":""}}]}}]}""",
        };
        for (var i = 0; i < Chunks; i++)
        {
            var piece = $"p{i};";
            switch (i % 4)
            {
                case 0:
                    expectedReasoning.Append(piece);
                    frames.Add($$$"""data: {"id":"c","choices":[{"index":0,"delta":{"reasoning_content":"{{{piece}}}"}}]}""");
                    break;
                case 1:
                    expectedContent.Append(piece);
                    frames.Add($$$"""data: {"id":"c","choices":[{"index":0,"delta":{"content":"{{{piece}}}"}}]}""");
                    break;
                default:
                    var call = i % 4 - 2;
                    expectedArguments[call].Append(piece);
                    frames.Add($$$"""data: {"id":"c","choices":[{"index":0,"delta":{"tool_calls":[{"index":{{{call}}},"function":{"arguments":"{{{piece}}}"}}]}}]}""");
                    break;
            }
        }

        frames.Add("""data: {"id":"c","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}""");
        frames.Add("""data: {"id":"c","choices":[],"usage":{"prompt_tokens":10,"completion_tokens":1000,"total_tokens":1010}}""");
        frames.Add("data: [DONE]");

        await using var server = await LoopbackServer.StartAsync();
        server.Respond(async (context, _) =>
        {
            await LoopbackServer.BeginEventStream(context);
            foreach (var frame in frames)
            {
                await LoopbackServer.WriteEvent(context, frame);
            }
        });
        using var client = TestClients.Create(server);

        var accumulator = new ChatCompletionAccumulator();
        await foreach (var chunk in client.V1.Chat.Completions.StreamAsync(TestRequests.Chat("m")))
        {
            accumulator.Add(chunk);
        }

        var response = accumulator.ToResponse();
        Assert.Equal(frames.Count - 1, accumulator.ChunkCount);
        var message = Assert.Single(response.Choices!).Message!;
        Assert.Equal(expectedReasoning.ToString(), message.ReasoningContent);
        Assert.Equal(expectedContent.ToString(), message.Content);
        Assert.Equal(["call-0", "call-1"], message.ToolCalls!.Select(c => c.Id));
        Assert.Equal(["search", "fetch"], message.ToolCalls!.Select(c => c.Function!.Name));
        Assert.Equal(expectedArguments.Select(a => a.ToString()), message.ToolCalls!.Select(c => c.Function!.Arguments));
        Assert.Equal("tool_calls", response.Choices![0].FinishReason);
        Assert.Equal(1010L, response.Usage!.TotalTokens);
    }

    [Fact]
    public async Task A_429_before_the_stream_is_retried_after_its_retry_after()
    {
        await using var server = await LoopbackServer.StartAsync();
        var calls = 0;
        server.Respond(async (context, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await LoopbackServer.Json(context, 429, """{"detail":"Too many requests"}""", ("Retry-After", "0"));
                return;
            }

            await LoopbackServer.BeginEventStream(context);
            await LoopbackServer.WriteEvent(context, """data: {"id":"c","choices":[{"index":0,"delta":{"content":"ok"}}]}""");
            await LoopbackServer.WriteEvent(context, "data: [DONE]");
        });
        using var client = TestClients.Create(server);

        var response = await ChatCompletionAccumulator.AccumulateAsync(client.V1.Chat.Completions.StreamAsync(TestRequests.Chat("m")));

        Assert.Equal("ok", response.Choices![0].Message!.Content);
        Assert.Equal(2, server.Journal.Count);
    }

    [Fact]
    public async Task A_429_before_the_stream_with_a_long_wait_is_the_rate_limit_exception()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RespondJson(429, """{"detail":"Too many requests"}""", ("Retry-After", "3600"));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<NebiusRateLimitException>(() => ChatCompletionAccumulator.AccumulateAsync(client.V1.Chat.Completions.StreamAsync(TestRequests.Chat("m"))));

        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
    }
}
