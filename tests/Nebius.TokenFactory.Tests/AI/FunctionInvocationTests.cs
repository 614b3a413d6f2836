using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Nebius.TokenFactory.AI;
using Nebius.TokenFactory.Testing;

namespace Nebius.TokenFactory.Tests.AI;

/// <summary>Microsoft.Extensions.AI's FunctionInvokingChatClient driving our IChatClient against the fake: call, result, answer.</summary>
public sealed class FunctionInvocationTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_tool_call_its_result_and_the_final_answer_go_through_the_function_invoking_client(bool streaming)
    {
        await using var fixture = await AIFixture.StartAsync();
        fixture.Fake.ChatTurns.Enqueue(FakeChatTurn.CallTools(new FakeToolCall("call_1", "get_weather", """{"city":"Paris","unit":"celsius"}""")));
        fixture.Fake.ChatTurns.Enqueue(FakeChatTurn.Reply("It is 21 degrees in Paris."));
        var calls = new List<(string City, string Unit)>();
        var weather = AIFunctionFactory.Create(
            (string city, string unit) =>
            {
                calls.Add((city, unit));
                return $"21 {unit} and sunny in {city}";
            },
            "get_weather",
            "Current weather of a city.");
        using var chat = new ChatClientBuilder(fixture.Client.AsIChatClient(AIFixture.ChatModel)).UseFunctionInvocation().Build();
        var options = new ChatOptions { Tools = [weather] };
        List<ChatMessage> prompt = [new(ChatRole.User, "Weather in Paris?")];

        string text;
        if (streaming)
        {
            var updates = new List<ChatResponseUpdate>();
            await foreach (var update in chat.GetStreamingResponseAsync(prompt, options))
            {
                updates.Add(update);
            }

            text = updates.ToChatResponse().Text;
        }
        else
        {
            text = (await chat.GetResponseAsync(prompt, options)).Text;
        }

        Assert.Equal("It is 21 degrees in Paris.", text);
        Assert.Equal([("Paris", "celsius")], calls);

        var bodies = fixture.Bodies();
        Assert.Equal(2, bodies.Count);
        var tool = bodies[0]["tools"]!.AsArray().Single()!;
        Assert.Equal("function", (string?)tool["type"]);
        Assert.Equal("get_weather", (string?)tool["function"]!["name"]);
        Assert.Equal("Current weather of a city.", (string?)tool["function"]!["description"]);
        Assert.Equal("string", (string?)tool["function"]!["parameters"]!["properties"]!["city"]!["type"]);
        Assert.Equal(streaming, bodies[0]["stream"]?.GetValue<bool>() == true);

        // The second request carries the history: the user turn, the assistant's call, the tool's result.
        var messages = bodies[1]["messages"]!.AsArray();
        Assert.Equal(["user", "assistant", "tool"], messages.Select(m => (string?)m!["role"]));
        var sentCall = messages[1]!["tool_calls"]!.AsArray().Single()!;
        Assert.Equal("call_1", (string?)sentCall["id"]);
        Assert.Equal("get_weather", (string?)sentCall["function"]!["name"]);
        Assert.Equal("Paris", (string?)JsonNode.Parse((string)sentCall["function"]!["arguments"]!)!["city"]);
        Assert.Equal("call_1", (string?)messages[2]!["tool_call_id"]);
        Assert.Contains("21 celsius and sunny in Paris", (string?)messages[2]!["content"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_parallel_calls_in_one_stream_come_out_whole_and_in_order()
    {
        await using var fixture = await AIFixture.StartAsync();
        fixture.Fake.ChatTurns.Enqueue(FakeChatTurn.CallTools(
            new FakeToolCall("call_a", "lookup", """{"q":"first"}"""),
            new FakeToolCall("call_b", "lookup", """{"q":"second"}""")));
        var chat = fixture.Client.AsIChatClient(AIFixture.ChatModel);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("Look both up"))
        {
            updates.Add(update);
        }

        var calls = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ToList();
        Assert.Equal(["call_a", "call_b"], calls.Select(c => c.CallId));
        Assert.Equal(["first", "second"], calls.Select(c => c.Arguments!["q"]!.ToString()));
        Assert.Equal(ChatFinishReason.ToolCalls, updates.ToChatResponse().FinishReason);
    }
}
