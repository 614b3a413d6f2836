using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Serialization;
using Nebius.TokenFactory.Streaming;

namespace Nebius.TokenFactory.Telemetry;

/// <summary>
/// The request fields the GenAI conventions record (model, sampling settings), taken from the request object the
/// body was written from (<see cref="PooledJsonStream.Root"/>): nothing is parsed again. A body written by another
/// serializer records none of them. The request types are those of the operations the spec marks as inference
/// (<c>x-nebius-genai-operation</c>: chat, text completion, embeddings).
/// </summary>
internal sealed record GenAiRequestFacts(string? Model = null, long? MaxTokens = null, double? Temperature = null, double? TopP = null, double? TopK = null)
{
    private static readonly GenAiRequestFacts None = new();

    public static GenAiRequestFacts Read(Stream? content)
    {
        var root = (content as PooledJsonStream)?.Root;
        return (root is StreamingBody streaming ? streaming.Request : root) switch
        {
            ChatCompletionRequest chat => new(chat.Model, chat.MaxCompletionTokens ?? chat.MaxTokens, chat.Temperature, chat.TopP, chat.TopK),
            CompletionRequest completion => new(completion.Model, completion.MaxTokens, completion.Temperature, completion.TopP, completion.TopK),
            EmbeddingRequest embedding => new(embedding.Model),
            _ => None,
        };
    }
}
