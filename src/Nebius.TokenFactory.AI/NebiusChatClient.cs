using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.AI;

/// <summary>
/// <see cref="IChatClient"/> over <see cref="NebiusClient"/>: chat completions, streamed or not, with tools,
/// JSON and JSON-schema output, reasoning text (<see cref="TextReasoningContent"/>), usage and finish reasons.
/// Nebius parameters go in <see cref="ChatOptions.AdditionalProperties"/> (see <see cref="NebiusChatProperties"/>)
/// and are sent. <c>RawRepresentation</c> holds <see cref="ChatCompletionResponse"/> or <see cref="ChatCompletionChunk"/>;
/// <see cref="ChatOptions.RawRepresentationFactory"/> may return a <see cref="ChatCompletionRequest"/> to start from.
/// </summary>
/// <example>
/// <code>
/// IChatClient chat = new ChatClientBuilder(nebius.AsIChatClient("Qwen/Qwen3-235B-A22B")).UseFunctionInvocation().Build();
/// var answer = await chat.GetResponseAsync("What is the weather in Paris?", new ChatOptions { Tools = [AIFunctionFactory.Create(GetWeather)] });
/// </code>
/// </example>
public sealed class NebiusChatClient : IChatClient
{
    private readonly NebiusClient _client;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Wraps <paramref name="client"/>; the caller keeps owning it.</summary>
    /// <param name="client">The Nebius client the calls go through (its retries, deadline, project and telemetry apply).</param>
    /// <param name="defaultModelId">The model used when <see cref="ChatOptions.ModelId"/> is not set.</param>
    public NebiusChatClient(NebiusClient client, string? defaultModelId = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        DefaultModelId = defaultModelId;
        _metadata = new ChatClientMetadata("nebius", client.BaseUrl, defaultModelId);
    }

    /// <summary>The model used when the options name none.</summary>
    public string? DefaultModelId { get; }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (request, projectId) = ChatRequestMapper.Map(this, messages, options, DefaultModelId);
        var response = await _client.V1.Chat.Completions.PostAsync(request, c => c.RequireBody().QueryParameters.AiProjectId = projectId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The server answered the chat completion with an empty body.");
        return ChatResponseMapper.ToChatResponse(response);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Mapped here, not inside the iterator, so bad arguments throw at the call rather than at the first MoveNextAsync.
        var (request, projectId) = ChatRequestMapper.Map(this, messages, options, DefaultModelId);
        return StreamAsync(request, projectId, cancellationToken);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType == typeof(NebiusClient) ? _client
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>Nothing to release: the wrapped client belongs to the caller.</summary>
    public void Dispose()
    {
    }

    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(ChatCompletionRequest request, string? projectId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Usage arrives only in a final chunk the server sends when asked for it.
        request.StreamOptions ??= new StreamOptions { IncludeUsage = true };
        var mapper = new StreamingUpdateMapper();
        await foreach (var chunk in _client.V1.Chat.Completions.StreamAsync(request, c => c.QueryParameters.AiProjectId = projectId, cancellationToken).ConfigureAwait(false))
        {
            yield return mapper.Map(chunk);
        }

        if (mapper.Complete() is { } pending)
        {
            yield return pending;
        }
    }
}
