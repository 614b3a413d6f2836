using Microsoft.Extensions.AI;
using Nebius.TokenFactory.AI;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.Tests.AI;

/// <summary>Tool-call fragments that a stream leaves pending are not lost.</summary>
public sealed class StreamingUpdateMapperTests
{
    [Fact]
    public void Calls_still_pending_when_the_stream_ends_without_a_finish_reason_are_emitted_at_the_end()
    {
        var mapper = new StreamingUpdateMapper();
        ChatCompletionChunk Fragment(string? id, string? name, string arguments) => new()
        {
            Id = "chatcmpl-1",
            Choices = [new ChatCompletionChunkChoice { Index = 0, Delta = new ChatCompletionChunkDelta { ToolCalls = [new ChatToolCallDelta { Index = 0, Id = id, Function = new ChatFunctionCallDelta { Name = name, Arguments = arguments } }] } }],
        };

        var first = mapper.Map(Fragment("call_x", "search", """{"q":"""));
        var second = mapper.Map(Fragment(null, null, "\"cats\"}"));
        var last = mapper.Complete();

        Assert.Empty(first.Contents);
        Assert.Empty(second.Contents);
        var call = Assert.IsType<FunctionCallContent>(Assert.Single(last!.Contents));
        Assert.Equal("call_x", call.CallId);
        Assert.Equal("search", call.Name);
        Assert.Equal("cats", call.Arguments!["q"]!.ToString());
        Assert.Null(mapper.Complete());
    }

    [Fact]
    public void Arguments_that_are_not_json_surface_as_the_calls_exception()
    {
        var call = ChatResponseMapper.FunctionCall("call_y", "search", "{not json");

        Assert.NotNull(call.Exception);
        Assert.Equal("search", call.Name);
    }
}
