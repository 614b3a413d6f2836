using System.Text;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory;

/// <summary>What one choice of a streamed chat completion has received so far.</summary>
internal sealed class ChoiceState(int index)
{
    private readonly StringBuilder _content = new();
    private readonly StringBuilder _reasoningContent = new();
    private readonly StringBuilder _reasoning = new();
    private readonly StringBuilder _refusal = new();
    private readonly ToolCallFolder _toolCalls = new();
    private readonly List<ChatTokenLogprob> _contentLogprobs = [];
    private readonly List<ChatTokenLogprob> _refusalLogprobs = [];
    private bool _sawContent;
    private bool _sawLogprobs;
    private string? _role;
    private string? _finishReason;
    private ChatCompletionChoiceStopReason? _stopReason;

    public void Add(ChatCompletionChunkChoice choice)
    {
        if (choice.Delta is { } delta)
        {
            _role ??= delta.Role;
            _sawContent |= delta.Content is not null;
            _content.Append(delta.Content);
            _reasoningContent.Append(delta.ReasoningContent);
            _reasoning.Append(delta.Reasoning);
            _refusal.Append(delta.Refusal);
            foreach (var fragment in delta.ToolCalls ?? [])
            {
                _toolCalls.Add(fragment);
            }
        }

        if (choice.Logprobs is { } logprobs)
        {
            _sawLogprobs = true;
            _contentLogprobs.AddRange(logprobs.Content ?? []);
            _refusalLogprobs.AddRange(logprobs.Refusal ?? []);
        }

        _finishReason = choice.FinishReason ?? _finishReason;
        if (choice.StopReason is { } stop)
        {
            _stopReason = new ChatCompletionChoiceStopReason { String = stop.String, Integer = stop.Integer };
        }
    }

    public ChatCompletionChoice ToChoice() => new()
    {
        Index = index,
        FinishReason = _finishReason,
        StopReason = _stopReason,
        Logprobs = _sawLogprobs ? new ChatChoiceLogprobs { Content = [.. _contentLogprobs], Refusal = _refusalLogprobs.Count > 0 ? [.. _refusalLogprobs] : null } : null,
        Message = new ChatCompletionResponseMessage
        {
            Role = _role ?? "assistant",
            Content = _sawContent ? _content.ToString() : null,
            ReasoningContent = TextOrNull(_reasoningContent),
            Reasoning = TextOrNull(_reasoning),
            Refusal = TextOrNull(_refusal),
            ToolCalls = [.. _toolCalls.ToToolCalls()],
        },
    };

    private static string? TextOrNull(StringBuilder text) => text.Length == 0 ? null : text.ToString();
}
