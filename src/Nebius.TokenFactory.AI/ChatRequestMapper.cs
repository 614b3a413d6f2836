using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Nebius.TokenFactory.Models;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;
using ApiReasoningEffort = Nebius.TokenFactory.Models.ReasoningEffort;
using ApiRole = Nebius.TokenFactory.Models.ChatRole;

namespace Nebius.TokenFactory.AI;

/// <summary>Builds the API's chat request from Microsoft.Extensions.AI messages and options.</summary>
internal static class ChatRequestMapper
{
    /// <summary>The request body and the per-call project (null: the client's own).</summary>
    public static (ChatCompletionRequest Request, string? ProjectId) Map(IChatClient owner, IEnumerable<ChatMessage> messages, ChatOptions? options, string? defaultModelId)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = options?.RawRepresentationFactory?.Invoke(owner) as ChatCompletionRequest ?? new ChatCompletionRequest();
        request.Model = options?.ModelId ?? request.Model ?? defaultModelId;
        if (string.IsNullOrWhiteSpace(request.Model))
        {
            throw new ArgumentException("No model: set ChatOptions.ModelId or give the chat client a default model.", nameof(options));
        }

        request.Messages ??= [];
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            request.Messages.Add(new ChatCompletionMessage { Role = ApiRole.System, Content = instructions });
        }

        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
            AddMessages(request.Messages, message);
        }

        string? projectId = null;
        if (options is not null)
        {
            ApplyOptions(request, options);
            projectId = ApplyAdditionalProperties(request, options.AdditionalProperties, nameof(options));
        }

        return (request, projectId);
    }

    private static void AddMessages(List<ChatCompletionMessage> target, ChatMessage message)
    {
        var role = MapRole(message.Role);
        if (role == ApiRole.Tool || message.Contents.Any(c => c is FunctionResultContent))
        {
            // The API takes one tool message per call result; Microsoft.Extensions.AI groups them in one message.
            foreach (var result in message.Contents.OfType<FunctionResultContent>())
            {
                target.Add(new ChatCompletionMessage { Role = ApiRole.Tool, ToolCallId = result.CallId, Content = ResultText(result.Result) });
            }

            return;
        }

        var mapped = new ChatCompletionMessage { Role = role, Name = message.AuthorName };
        var parts = new List<ChatContentPart>();
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent text:
                    parts.Add(new ChatContentPartText { Type = "text", Text = text.Text });
                    break;
                case DataContent data when data.HasTopLevelMediaType("image"):
                    parts.Add(new ChatContentPartImage { Type = "image_url", ImageUrl = new ChatImageUrl { Url = data.Uri } });
                    break;
                case UriContent uri when uri.HasTopLevelMediaType("image"):
                    parts.Add(new ChatContentPartImage { Type = "image_url", ImageUrl = new ChatImageUrl { Url = uri.Uri.ToString() } });
                    break;
                case FunctionCallContent call:
                    (mapped.ToolCalls ??= []).Add(new ChatMessageToolCall
                    {
                        Id = call.CallId,
                        Type = "function",
                        Function = new ChatFunctionCall { Name = call.Name, Arguments = ArgumentsJson(call.Arguments) },
                    });
                    break;
                default:
                    // Reasoning from earlier turns and content kinds the API has no place for are not sent back.
                    break;
            }
        }

        if (parts.All(p => p.ChatContentPartText is not null))
        {
            var text = string.Concat(parts.Select(p => p.ChatContentPartText!.Text));
            if (text.Length > 0 || mapped.ToolCalls is null)
            {
                mapped.Content = text;
            }
        }
        else
        {
            mapped.Content = parts;
        }

        target.Add(mapped);
    }

    private static ApiRole MapRole(AIChatRole role) =>
        role == AIChatRole.System ? ApiRole.System
        : role == AIChatRole.Assistant ? ApiRole.Assistant
        : role == AIChatRole.Tool ? ApiRole.Tool
        : string.Equals(role.Value, "developer", StringComparison.OrdinalIgnoreCase) ? ApiRole.Developer
        : ApiRole.User;

    private static void ApplyOptions(ChatCompletionRequest request, ChatOptions options)
    {
        request.Temperature = options.Temperature ?? request.Temperature;
        request.TopP = options.TopP ?? request.TopP;
        request.TopK = options.TopK ?? request.TopK;
        request.MaxTokens = options.MaxOutputTokens ?? request.MaxTokens;
        request.FrequencyPenalty = options.FrequencyPenalty ?? request.FrequencyPenalty;
        request.PresencePenalty = options.PresencePenalty ?? request.PresencePenalty;
        request.Seed = options.Seed ?? request.Seed;
        if (options.StopSequences is { Count: > 0 } stops)
        {
            request.Stop = stops.ToList();
        }

        if (options.Reasoning?.Effort is { } effort)
        {
            request.ReasoningEffort = effort switch
            {
                Microsoft.Extensions.AI.ReasoningEffort.None => ApiReasoningEffort.None,
                Microsoft.Extensions.AI.ReasoningEffort.Low => ApiReasoningEffort.Low,
                Microsoft.Extensions.AI.ReasoningEffort.Medium => ApiReasoningEffort.Medium,
                Microsoft.Extensions.AI.ReasoningEffort.High => ApiReasoningEffort.High,
                _ => ApiReasoningEffort.Xhigh,
            };
        }

        request.ResponseFormat = options.ResponseFormat switch
        {
            null => request.ResponseFormat,
            Microsoft.Extensions.AI.ChatResponseFormatText => new Nebius.TokenFactory.Models.ChatResponseFormatText { Type = "text" },
            ChatResponseFormatJson { Schema: { } schema } json => new ChatResponseFormatJsonSchema
            {
                Type = "json_schema",
                JsonSchema = new JsonSchemaFormat
                {
                    Name = json.SchemaName ?? "response",
                    Description = json.SchemaDescription,
                    Schema = new JsonSchemaFormatSchema { AdditionalData = UntypedValues.ObjectMembers(schema, nameof(options), "ResponseFormat.Schema") },
                },
            },
            ChatResponseFormatJson => new ChatResponseFormatJsonObject { Type = "json_object" },
            _ => request.ResponseFormat,
        };

        foreach (var tool in options.Tools ?? [])
        {
            if (tool is AIFunctionDeclaration function)
            {
                (request.Tools ??= []).Add(new ChatCompletionTool
                {
                    Type = "function",
                    Function = new ChatFunctionDefinition
                    {
                        Name = function.Name,
                        Description = string.IsNullOrEmpty(function.Description) ? null : function.Description,
                        Parameters = new ChatFunctionDefinitionParameters { AdditionalData = UntypedValues.ObjectMembers(function.JsonSchema, nameof(options), $"Tools[{function.Name}].JsonSchema") },
                    },
                });
            }
        }

        if (request.Tools is { Count: > 0 })
        {
            request.ParallelToolCalls = options.AllowMultipleToolCalls ?? request.ParallelToolCalls;
            request.ToolChoice = options.ToolMode switch
            {
                NoneChatToolMode => ChatCompletionToolChoiceMode.None,
                AutoChatToolMode => ChatCompletionToolChoiceMode.Auto,
                RequiredChatToolMode { RequiredFunctionName: { } name } => new ChatCompletionNamedToolChoice { Type = "function", Function = new ChatToolChoiceFunction { Name = name } },
                RequiredChatToolMode => ChatCompletionToolChoiceMode.Required,
                _ => request.ToolChoice,
            };
        }
    }

    /// <summary>
    /// Sends every additional property: the Nebius parameters the request models know go to their fields,
    /// anything else the request has no field for goes into the body as it is. A key naming a field that
    /// <see cref="ChatOptions"/> covers is refused, so a value is never sent twice or silently dropped.
    /// </summary>
    private static string? ApplyAdditionalProperties(ChatCompletionRequest request, AdditionalPropertiesDictionary? properties, string parameterName)
    {
        string? projectId = null;
        if (properties is null)
        {
            return projectId;
        }

        var knownFields = request.GetFieldDeserializers().Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var (key, value) in properties)
        {
            switch (key)
            {
                case NebiusChatProperties.AiProjectId:
                    projectId = UntypedValues.AsString(value) ?? throw Invalid(parameterName, key, "a string");
                    break;
                case NebiusChatProperties.TopK:
                    request.TopK = (int?)UntypedValues.AsNumber(value) ?? throw Invalid(parameterName, key, "an integer");
                    break;
                case NebiusChatProperties.MinP:
                    request.MinP = UntypedValues.AsNumber(value) ?? throw Invalid(parameterName, key, "a number");
                    break;
                case NebiusChatProperties.RepetitionPenalty:
                    request.RepetitionPenalty = UntypedValues.AsNumber(value) ?? throw Invalid(parameterName, key, "a number");
                    break;
                case NebiusChatProperties.GuidedRegex:
                    request.GuidedRegex = UntypedValues.AsString(value) ?? throw Invalid(parameterName, key, "a string");
                    break;
                case NebiusChatProperties.GuidedChoice:
                    request.GuidedChoice = UntypedValues.From(value) is Microsoft.Kiota.Abstractions.Serialization.UntypedArray choices
                        ? [.. choices.GetValue().Select(c => (c as Microsoft.Kiota.Abstractions.Serialization.UntypedString)?.GetValue() ?? throw Invalid(parameterName, key, "a list of strings"))]
                        : throw Invalid(parameterName, key, "a list of strings");
                    break;
                case NebiusChatProperties.GuidedJson:
                    request.GuidedJson = UntypedValues.AsString(value) is { } schemaText
                        ? schemaText
                        : new ChatCompletionRequestGuidedJsonMember1 { AdditionalData = UntypedValues.ObjectMembers(value, parameterName, $"AdditionalProperties[\"{key}\"]") };
                    break;
                case NebiusChatProperties.ChatTemplateKwargs:
                    request.ChatTemplateKwargs = new ChatCompletionRequestChatTemplateKwargs { AdditionalData = UntypedValues.ObjectMembers(value, parameterName, $"AdditionalProperties[\"{key}\"]") };
                    break;
                case NebiusChatProperties.ReasoningEffort:
                    var effort = UntypedValues.AsString(value) ?? (value as Enum)?.ToString() ?? throw Invalid(parameterName, key, "a string");
                    request.ReasoningEffort = ParseEffort(effort);
                    if (request.ReasoningEffort is null)
                    {
                        // A level newer than the contract: send the text as given.
                        request.AdditionalData[key] = UntypedValues.From(effort);
                    }

                    break;
                default:
                    if (knownFields.Contains(key))
                    {
                        throw new ArgumentException($"AdditionalProperties[\"{key}\"] names a field that ChatOptions sets; use the ChatOptions property (or RawRepresentationFactory) instead.", parameterName);
                    }

                    request.AdditionalData[key] = UntypedValues.From(value);
                    break;
            }
        }

        return projectId;
    }

    private static ApiReasoningEffort? ParseEffort(string text) => text.ToLowerInvariant() switch
    {
        "none" => ApiReasoningEffort.None,
        "minimal" => ApiReasoningEffort.Minimal,
        "low" => ApiReasoningEffort.Low,
        "medium" => ApiReasoningEffort.Medium,
        "high" => ApiReasoningEffort.High,
        "xhigh" => ApiReasoningEffort.Xhigh,
        _ => null,
    };

    private static ArgumentException Invalid(string parameterName, string key, string expected) =>
        new($"AdditionalProperties[\"{key}\"] must be {expected}.", parameterName);

    private static string ArgumentsJson(IDictionary<string, object?>? arguments) =>
        arguments is null ? "{}" : JsonSerializer.Serialize(arguments, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(IDictionary<string, object?>)));

    private static string ResultText(object? result) => result switch
    {
        null => string.Empty,
        string text => text,
        JsonElement element => element.GetRawText(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions.GetTypeInfo(result.GetType())),
    };
}
