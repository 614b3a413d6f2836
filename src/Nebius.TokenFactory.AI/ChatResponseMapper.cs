using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.AI;
using Nebius.TokenFactory.Models;
using ChatRole = Microsoft.Extensions.AI.ChatRole;

namespace Nebius.TokenFactory.AI;

/// <summary>Turns the API's chat answers into Microsoft.Extensions.AI responses (the first choice; <c>n</c> &gt; 1 is not modelled there).</summary>
internal static class ChatResponseMapper
{
    private static readonly JsonTypeInfo<IDictionary<string, object?>> ArgumentsType =
        (JsonTypeInfo<IDictionary<string, object?>>)AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>));

    public static ChatResponse ToChatResponse(ChatCompletionResponse response)
    {
        var choice = response.Choices?.OrderBy(c => c.Index ?? 0).FirstOrDefault();
        var message = new ChatMessage(ChatRole.Assistant, Contents(choice?.Message))
        {
            MessageId = response.Id,
            CreatedAt = Time(response.Created),
            RawRepresentation = choice?.Message,
        };
        return new ChatResponse(message)
        {
            ResponseId = response.Id,
            ModelId = response.Model,
            CreatedAt = Time(response.Created),
            FinishReason = FinishReason(choice?.FinishReason),
            Usage = Usage(response.Usage),
            RawRepresentation = response,
        };
    }

    public static DateTimeOffset? Time(long? unixSeconds) => unixSeconds is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    public static ChatFinishReason? FinishReason(string? reason) => reason switch
    {
        null or "" => null,
        "stop" => ChatFinishReason.Stop,
        "length" => ChatFinishReason.Length,
        "tool_calls" or "function_call" => ChatFinishReason.ToolCalls,
        "content_filter" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(reason),
    };

    public static UsageDetails? Usage(CompletionUsage? usage) => usage is null ? null : new UsageDetails
    {
        InputTokenCount = usage.PromptTokens,
        OutputTokenCount = usage.CompletionTokens,
        TotalTokenCount = usage.TotalTokens,
        CachedInputTokenCount = usage.PromptTokensDetails?.CachedTokens,
        ReasoningTokenCount = usage.CompletionTokensDetails?.ReasoningTokens,
    };

    /// <summary>A tool call as function call content; arguments that are not valid JSON land in its <c>Exception</c>.</summary>
    public static FunctionCallContent FunctionCall(string? id, string? name, string? arguments) =>
        FunctionCallContent.CreateFromParsedArguments(
            string.IsNullOrWhiteSpace(arguments) ? "{}" : arguments,
            id ?? string.Empty,
            name ?? string.Empty,
            static json => JsonSerializer.Deserialize(json, ArgumentsType));

    private static List<AIContent> Contents(ChatCompletionResponseMessage? message)
    {
        var contents = new List<AIContent>();
        if (message is null)
        {
            return contents;
        }

        // vLLM-based models put the chain of thought in reasoning_content, others in reasoning.
        if ((message.ReasoningContent ?? message.Reasoning) is { Length: > 0 } reasoning)
        {
            contents.Add(new TextReasoningContent(reasoning));
        }

        if (message.Content is { Length: > 0 } text)
        {
            contents.Add(new TextContent(text));
        }

        if (message.Refusal is { Length: > 0 } refusal)
        {
            contents.Add(new ErrorContent(refusal) { ErrorCode = "refusal" });
        }

        foreach (var call in message.ToolCalls ?? [])
        {
            contents.Add(FunctionCall(call.Id, call.Function?.Name, call.Function?.Arguments));
        }

        return contents;
    }
}
