using Microsoft.Extensions.AI;
using Nebius.TokenFactory.Models;
using ChatRole = Microsoft.Extensions.AI.ChatRole;

namespace Nebius.TokenFactory.AI;

/// <summary>
/// Turns stream chunks into <see cref="ChatResponseUpdate"/>s. Text and reasoning pass through as they
/// arrive; tool calls come in fragments (name first, arguments in pieces), so they are
/// collected (by <see cref="ToolCallFolder"/>) and emitted whole, as <see cref="FunctionCallContent"/>, once the choice finishes or the stream ends.
/// </summary>
internal sealed class StreamingUpdateMapper
{
    private readonly ToolCallFolder _calls = new();

    public ChatResponseUpdate Map(ChatCompletionChunk chunk)
    {
        var update = new ChatResponseUpdate
        {
            ResponseId = chunk.Id,
            MessageId = chunk.Id,
            ModelId = chunk.Model,
            CreatedAt = ChatResponseMapper.Time(chunk.Created),
            RawRepresentation = chunk,
        };

        var choice = chunk.Choices?.FirstOrDefault(c => (c.Index ?? 0) == 0);
        if (choice?.Delta is { } delta)
        {
            if (delta.Role is { Length: > 0 } role)
            {
                update.Role = new ChatRole(role);
            }

            if ((delta.ReasoningContent ?? delta.Reasoning) is { Length: > 0 } reasoning)
            {
                update.Contents.Add(new TextReasoningContent(reasoning));
            }

            if (delta.Content is { Length: > 0 } text)
            {
                update.Contents.Add(new TextContent(text));
            }

            // The core package's folding rule, so this adapter and ChatCompletionAccumulator see the same calls.
            foreach (var fragment in delta.ToolCalls ?? [])
            {
                _calls.Add(fragment);
            }
        }

        if (choice?.FinishReason is { Length: > 0 } finish)
        {
            update.FinishReason = ChatResponseMapper.FinishReason(finish);
            update.Role ??= ChatRole.Assistant;
            Flush(update.Contents);
        }

        if (ChatResponseMapper.Usage(chunk.Usage) is { } usage)
        {
            update.Contents.Add(new UsageContent(usage));
        }

        return update;
    }

    /// <summary>Tool calls still pending when the stream ended without a finish reason, or null.</summary>
    public ChatResponseUpdate? Complete()
    {
        if (_calls.Count == 0)
        {
            return null;
        }

        var update = new ChatResponseUpdate { Role = ChatRole.Assistant };
        Flush(update.Contents);
        return update;
    }

    private void Flush(IList<AIContent> contents)
    {
        foreach (var call in _calls.ToToolCalls())
        {
            contents.Add(ChatResponseMapper.FunctionCall(call.Id, call.Function?.Name, call.Function?.Arguments));
        }

        _calls.Clear();
    }
}
