using System.Text.Json;
using Microsoft.Kiota.Serialization.Json;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Streaming;

public sealed class ChatCompletionAccumulatorTests
{
    private static ChatCompletionChunk Chunk(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new JsonParseNode(document.RootElement.Clone()).GetObjectValue(ChatCompletionChunk.CreateFromDiscriminatorValue)!;
    }

    private static ChatCompletionResponse Fold(params string[] chunks)
    {
        var accumulator = new ChatCompletionAccumulator();
        foreach (var chunk in chunks)
        {
            accumulator.Add(Chunk(chunk));
        }

        return accumulator.ToResponse();
    }

    [Fact]
    public void Text_and_both_reasoning_fields_are_concatenated_and_the_usage_chunk_is_kept()
    {
        var response = Fold(
            """{"id":"chatcmpl-1","model":"m","created":1762232990,"choices":[{"index":0,"delta":{"role":"assistant","reasoning_content":"Think"}}]}""",
            """{"id":"chatcmpl-1","choices":[{"index":0,"delta":{"reasoning_content":"ing.","reasoning":"R"}}]}""",
            """{"id":"chatcmpl-1","choices":[{"index":0,"delta":{"content":"Hel"}}]}""",
            """{"id":"chatcmpl-1","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}""",
            """{"id":"chatcmpl-1","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":7,"total_tokens":12,"completion_tokens_details":{"reasoning_tokens":3}}}""");

        Assert.Equal("chatcmpl-1", response.Id);
        Assert.Equal("m", response.Model);
        Assert.Equal(1762232990L, response.Created);
        var choice = Assert.Single(response.Choices!);
        Assert.Equal("Hello", choice.Message!.Content);
        Assert.Equal("Thinking.", choice.Message.ReasoningContent);
        Assert.Equal("R", choice.Message.Reasoning);
        Assert.Equal("assistant", choice.Message.Role);
        Assert.Equal("stop", choice.FinishReason);
        Assert.Equal(12L, response.Usage!.TotalTokens);
        Assert.Equal(3L, response.Usage.CompletionTokensDetails!.ReasoningTokens);
    }

    [Fact]
    public void Parallel_tool_calls_are_rebuilt_from_interleaved_pieces()
    {
        var response = Fold(
            """{"id":"c","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call-a","type":"function","function":{"name":"get_weather","arguments":""}}]}}]}""",
            """{"id":"c","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call-b","type":"function","function":{"name":"get_time","arguments":"{\"tz\":"}}]}}]}""",
            """{"id":"c","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]}}]}""",
            """{"id":"c","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"\"UTC\"}"}}]}}]}""",
            """{"id":"c","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"Paris\"}"}}]},"finish_reason":"tool_calls"}]}""");

        var choice = Assert.Single(response.Choices!);
        Assert.Null(choice.Message!.Content);
        Assert.Equal("tool_calls", choice.FinishReason);
        Assert.Collection(
            choice.Message.ToolCalls!,
            call =>
            {
                Assert.Equal("call-a", call.Id);
                Assert.Equal("get_weather", call.Function!.Name);
                Assert.Equal("""{"city":"Paris"}""", call.Function.Arguments);
            },
            call =>
            {
                Assert.Equal("call-b", call.Id);
                Assert.Equal("get_time", call.Function!.Name);
                Assert.Equal("""{"tz":"UTC"}""", call.Function.Arguments);
            });
    }

    [Fact]
    public void Several_choices_keep_their_own_text_and_finish_reason_including_unknown_ones()
    {
        var response = Fold(
            """{"id":"c","choices":[{"index":1,"delta":{"content":"B"}},{"index":0,"delta":{"content":"A"}}]}""",
            """{"id":"c","choices":[{"index":0,"delta":{},"finish_reason":"length"},{"index":1,"delta":{},"finish_reason":"eos_token","stop_reason":128009}]}""");

        Assert.Equal([0, 1], response.Choices!.Select(c => c.Index!.Value));
        Assert.Equal(["A", "B"], response.Choices!.Select(c => c.Message!.Content));
        Assert.Equal(["length", "eos_token"], response.Choices!.Select(c => c.FinishReason));
        Assert.Equal(128009, response.Choices![1].StopReason!.Integer);
    }

    [Fact]
    public void Log_probabilities_are_appended_in_order()
    {
        var response = Fold(
            """{"id":"c","choices":[{"index":0,"delta":{"content":"Hi"},"logprobs":{"content":[{"token":"Hi","logprob":-0.1,"top_logprobs":[]}]}}]}""",
            """{"id":"c","choices":[{"index":0,"delta":{"content":"!"},"logprobs":{"content":[{"token":"!","logprob":-0.5,"top_logprobs":[]}]}}]}""");

        Assert.Equal(["Hi", "!"], response.Choices![0].Logprobs!.Content!.Select(t => t.Token));
        Assert.Equal([-0.1, -0.5], response.Choices![0].Logprobs!.Content!.Select(t => t.Logprob!.Value));
    }

    [Fact]
    public void A_snapshot_can_be_taken_while_the_stream_is_still_running()
    {
        var accumulator = new ChatCompletionAccumulator();
        accumulator.Add(Chunk("""{"id":"c","choices":[{"index":0,"delta":{"content":"Hel"}}]}"""));

        var early = accumulator.ToResponse();
        accumulator.Add(Chunk("""{"id":"c","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}"""));

        Assert.Equal("Hel", early.Choices![0].Message!.Content);
        Assert.Null(early.Choices[0].FinishReason);
        Assert.Equal("Hello", accumulator.ToResponse().Choices![0].Message!.Content);
        Assert.Equal(2, accumulator.ChunkCount);
    }

    [Fact]
    public async Task One_call_streams_and_folds_a_whole_answer_from_the_server()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond(async (context, _) =>
        {
            await LoopbackServer.BeginEventStream(context);
            await LoopbackServer.WriteEvent(context, """data: {"id":"c","model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Par"}}]}""");
            await LoopbackServer.WriteEvent(context, """data: {"id":"c","choices":[{"index":0,"delta":{"content":"is"},"finish_reason":"stop"}]}""");
            await LoopbackServer.WriteEvent(context, """data: {"id":"c","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}""");
            await LoopbackServer.WriteEvent(context, "data: [DONE]");
        });
        using var client = TestClients.Create(server);
        var request = TestRequests.Chat("m");
        request.StreamOptions = new StreamOptions { IncludeUsage = true };

        var response = await ChatCompletionAccumulator.AccumulateAsync(client.V1.Chat.Completions.StreamAsync(request));

        Assert.Equal("Paris", response.Choices![0].Message!.Content);
        Assert.Equal(5L, response.Usage!.TotalTokens);
        Assert.Contains("\"include_usage\":true", Assert.Single(server.Journal).Body, StringComparison.Ordinal);
    }
}
