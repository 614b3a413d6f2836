using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory;

/// <summary>Short forms of the everyday calls; the full generated tree stays available under <c>V1</c> and <c>V0</c>.</summary>
public partial class NebiusClient
{
    /// <summary>Creates a chat completion (<c>POST /v1/chat/completions</c>).</summary>
    /// <param name="request">The request; model and at least one message are required.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">A required field is missing or a value is out of its documented range.</exception>
    /// <exception cref="NebiusApiException">The server refused the request.</exception>
    public virtual async Task<ChatCompletionResponse> CompleteChatAsync(ChatCompletionRequest request, CancellationToken cancellationToken = default)
    {
        RequestChecks.Chat(request, nameof(request));
        return await V1.Chat.Completions.PostAsync(request, c => c.RequireBody(), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The server answered the chat completion with an empty body.");
    }

    /// <summary>Streams a chat completion; see <see cref="V1.Chat.Completions.CompletionsRequestBuilder.StreamAsync"/>.</summary>
    /// <param name="request">The request; model and at least one message are required.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    public virtual IAsyncEnumerable<ChatCompletionChunk> StreamChatAsync(ChatCompletionRequest request, CancellationToken cancellationToken = default) =>
        V1.Chat.Completions.StreamAsync(request, cancellationToken: cancellationToken);

    /// <summary>Sends one user message and returns the answer's text (reasoning, if any, is not included).</summary>
    /// <param name="model">Model id, e.g. <c>meta-llama/Meta-Llama-3.1-8B-Instruct</c>.</param>
    /// <param name="prompt">The user message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<string> AskAsync(string model, string prompt, CancellationToken cancellationToken = default)
    {
        RequestChecks.Required(model, nameof(model), "value");
        ArgumentNullException.ThrowIfNull(prompt);
        var request = new ChatCompletionRequest
        {
            Model = model,
            Messages = [new ChatCompletionMessage { Role = ChatRole.User, Content = prompt }],
        };
        var response = await CompleteChatAsync(request, cancellationToken).ConfigureAwait(false);
        return response.Choices?.FirstOrDefault()?.Message?.Content ?? string.Empty;
    }

    /// <summary>Embeds texts and returns one vector per input, in input order.</summary>
    /// <param name="model">Embedding model id, e.g. <c>BAAI/bge-en-icl</c>.</param>
    /// <param name="inputs">The texts; at least one, none null.</param>
    /// <param name="dimensions">Truncate vectors to this size (models that support it).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<float[]>> EmbedAsync(string model, IReadOnlyList<string> inputs, int? dimensions = null, CancellationToken cancellationToken = default)
    {
        RequestChecks.Required(model, nameof(model), "value");
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0 || inputs.Any(i => i is null))
        {
            throw new ArgumentException("At least one input is needed, and none may be null.", nameof(inputs));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions ?? 1, 1, nameof(dimensions));
        var request = new EmbeddingRequest
        {
            Model = model,
            Input = inputs.ToList(),
            Dimensions = dimensions,
            // base64 is a quarter of the size of the JSON numbers and decodes without parsing text.
            EncodingFormat = EmbeddingEncodingFormat.Base64,
        };
        var response = await V1.Embeddings.PostAsync(request, c => c.RequireBody(), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The server answered the embeddings call with an empty body.");
        return [.. (response.Data ?? []).OrderBy(e => e.Index).Select(e => e.ToVector())];
    }

    /// <summary>Lists the serverless models this key can call.</summary>
    /// <param name="verbose">Include names, context lengths, features and pricing.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<Model>> ListModelsAsync(bool verbose = false, CancellationToken cancellationToken = default)
    {
        var list = await V1.Models.GetAsync(c => c.QueryParameters.Verbose = verbose, cancellationToken).ConfigureAwait(false);
        return list?.Data ?? [];
    }
}
