namespace Nebius.TokenFactory.Testing;

/// <summary>
/// One scripted assistant turn for chat completions (see <see cref="FakeTokenFactory.ChatTurns"/>): text,
/// reasoning, tool calls or a mix, answered as JSON or streamed as the API does (tool calls in fragments).
/// </summary>
/// <example>
/// <code>
/// fake.ChatTurns.Enqueue(FakeChatTurn.CallTools(new FakeToolCall("call_1", "get_weather", """{"city":"Paris"}""")));
/// fake.ChatTurns.Enqueue(FakeChatTurn.Reply("It is sunny in Paris."));
/// </code>
/// </example>
public sealed class FakeChatTurn
{
    /// <summary>The answer's text (null for a turn that only calls tools).</summary>
    public string? Text { get; init; }

    /// <summary>Reasoning text, sent as <c>reasoning_content</c> before the answer.</summary>
    public string? Reasoning { get; init; }

    /// <summary>Tool calls the assistant makes; the finish reason is then <c>tool_calls</c>.</summary>
    public IReadOnlyList<FakeToolCall> ToolCalls { get; init; } = [];

    /// <summary>A turn that answers with text (and optionally reasoning).</summary>
    /// <param name="text">The answer.</param>
    /// <param name="reasoning">Reasoning text sent before it.</param>
    public static FakeChatTurn Reply(string text, string? reasoning = null) => new() { Text = text, Reasoning = reasoning };

    /// <summary>A turn that calls tools instead of answering.</summary>
    /// <param name="calls">The calls, in order.</param>
    public static FakeChatTurn CallTools(params FakeToolCall[] calls) => new() { ToolCalls = calls };
}

/// <summary>A tool call in a scripted turn.</summary>
/// <param name="Id">The call id the result must quote (<c>tool_call_id</c>).</param>
/// <param name="Name">The function name.</param>
/// <param name="ArgumentsJson">The arguments as JSON text.</param>
public sealed record FakeToolCall(string Id, string Name, string ArgumentsJson);
