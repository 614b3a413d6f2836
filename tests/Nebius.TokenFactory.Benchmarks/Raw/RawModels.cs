using System.Text.Json.Serialization;

namespace Nebius.TokenFactory.Benchmarks.Raw;

// The floor: the smallest typed shapes a hand-written HttpClient caller would declare, read and written
// by System.Text.Json source generation. Only the fields the scenarios consume are declared.

public sealed record RawMessage(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string? Content);

public sealed record RawChatRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("messages")] IReadOnlyList<RawMessage> Messages,
    [property: JsonPropertyName("max_tokens")] int MaxTokens,
    [property: JsonPropertyName("stream")] bool Stream);

public sealed record RawUsage(
    [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
    [property: JsonPropertyName("total_tokens")] int TotalTokens);

public sealed record RawChoice(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("message")] RawMessage? Message,
    [property: JsonPropertyName("delta")] RawMessage? Delta,
    [property: JsonPropertyName("finish_reason")] string? FinishReason);

public sealed record RawChatCompletion(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("choices")] IReadOnlyList<RawChoice> Choices,
    [property: JsonPropertyName("usage")] RawUsage? Usage);

public sealed record RawEmbeddingRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("input")] IReadOnlyList<string> Input,
    [property: JsonPropertyName("encoding_format")] string EncodingFormat);

public sealed record RawFloatEmbedding(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("embedding")] float[] Embedding);

public sealed record RawFloatEmbeddings(
    [property: JsonPropertyName("data")] IReadOnlyList<RawFloatEmbedding> Data,
    [property: JsonPropertyName("usage")] RawUsage? Usage);

/// <summary>STJ reads a base64 string into <c>byte[]</c> directly; the floats are then viewed in place.</summary>
public sealed record RawBase64Embedding(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("embedding")] byte[] Embedding);

public sealed record RawBase64Embeddings(
    [property: JsonPropertyName("data")] IReadOnlyList<RawBase64Embedding> Data,
    [property: JsonPropertyName("usage")] RawUsage? Usage);

public sealed record RawModel(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("owned_by")] string? OwnedBy,
    [property: JsonPropertyName("created")] long Created);

public sealed record RawModelList(
    [property: JsonPropertyName("data")] IReadOnlyList<RawModel> Data);

[JsonSerializable(typeof(RawChatRequest))]
[JsonSerializable(typeof(RawChatCompletion))]
[JsonSerializable(typeof(RawEmbeddingRequest))]
[JsonSerializable(typeof(RawFloatEmbeddings))]
[JsonSerializable(typeof(RawBase64Embeddings))]
[JsonSerializable(typeof(RawModelList))]
public sealed partial class RawJsonContext : JsonSerializerContext;

/// <summary>One line of a Nebius batch output file, with only what the join reads.</summary>
public sealed record RawBatchLine(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("custom_id")] string CustomId,
    [property: JsonPropertyName("response")] RawChatCompletion? Response);

[JsonSerializable(typeof(RawBatchLine))]
public sealed partial class RawBatchJsonContext : JsonSerializerContext;
