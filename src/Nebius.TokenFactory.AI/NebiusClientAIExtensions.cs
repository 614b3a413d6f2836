using Microsoft.Extensions.AI;

namespace Nebius.TokenFactory.AI;

/// <summary>The Nebius client as Microsoft.Extensions.AI services (named as Microsoft.Extensions.AI's own adapters are: <c>AsI…</c>).</summary>
public static class NebiusClientAIExtensions
{
    /// <summary>An <see cref="IChatClient"/> over the client (see <see cref="NebiusChatClient"/>).</summary>
    /// <param name="client">The Nebius client; it stays owned by the caller.</param>
    /// <param name="defaultModelId">The model used when <see cref="ChatOptions.ModelId"/> is not set.</param>
    public static IChatClient AsIChatClient(this NebiusClient client, string? defaultModelId = null) =>
        new NebiusChatClient(client, defaultModelId);

    /// <summary>An embedding generator over the client (see <see cref="NebiusEmbeddingGenerator"/>).</summary>
    /// <param name="client">The Nebius client; it stays owned by the caller.</param>
    /// <param name="defaultModelId">The model used when <see cref="EmbeddingGenerationOptions.ModelId"/> is not set.</param>
    /// <param name="defaultDimensions">Vector size used when the options give none.</param>
    /// <param name="maxBatchSize">The most texts sent in one request.</param>
    public static IEmbeddingGenerator<string, Embedding<float>> AsIEmbeddingGenerator(this NebiusClient client, string? defaultModelId = null, int? defaultDimensions = null, int maxBatchSize = 256) =>
        new NebiusEmbeddingGenerator(client, defaultModelId, defaultDimensions, maxBatchSize);

    /// <summary>The former name of <see cref="AsIChatClient"/>.</summary>
    /// <param name="client">The Nebius client; it stays owned by the caller.</param>
    /// <param name="defaultModelId">The model used when <see cref="ChatOptions.ModelId"/> is not set.</param>
    [Obsolete("Use AsIChatClient, the Microsoft.Extensions.AI naming convention.")]
    public static IChatClient AsChatClient(this NebiusClient client, string? defaultModelId = null) =>
        client.AsIChatClient(defaultModelId);

    /// <summary>The former name of <see cref="AsIEmbeddingGenerator"/>.</summary>
    /// <param name="client">The Nebius client; it stays owned by the caller.</param>
    /// <param name="defaultModelId">The model used when <see cref="EmbeddingGenerationOptions.ModelId"/> is not set.</param>
    /// <param name="defaultDimensions">Vector size used when the options give none.</param>
    /// <param name="maxBatchSize">The most texts sent in one request.</param>
    [Obsolete("Use AsIEmbeddingGenerator, the Microsoft.Extensions.AI naming convention.")]
    public static IEmbeddingGenerator<string, Embedding<float>> AsEmbeddingGenerator(this NebiusClient client, string? defaultModelId = null, int? defaultDimensions = null, int maxBatchSize = 256) =>
        client.AsIEmbeddingGenerator(defaultModelId, defaultDimensions, maxBatchSize);
}
