using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Nebius.TokenFactory.AI;

/// <summary>
/// Registers the adapters over a client registered with <c>AddNebiusTokenFactory</c>. Each method returns
/// Microsoft.Extensions.AI's builder, so middleware composes as usual.
/// </summary>
/// <example>
/// <code>
/// services.AddNebiusTokenFactory(configuration.GetSection("Nebius"));
/// services.AddNebiusChatClient("Qwen/Qwen3-235B-A22B").UseFunctionInvocation().UseOpenTelemetry().UseLogging();
/// services.AddNebiusEmbeddingGenerator("BAAI/bge-en-icl");
/// </code>
/// </example>
public static class NebiusAIServiceCollectionExtensions
{
    /// <summary>Registers an <see cref="IChatClient"/> over the Nebius client named <paramref name="clientName"/> (the default one when null).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="defaultModelId">The model used when <see cref="ChatOptions.ModelId"/> is not set.</param>
    /// <param name="clientName">The name the Nebius client was registered under; the chat client is then keyed by the same name.</param>
    /// <param name="lifetime">The chat client's lifetime.</param>
    /// <returns>The builder, to add middleware such as <c>UseFunctionInvocation</c>, <c>UseOpenTelemetry</c> or <c>UseLogging</c>.</returns>
    public static ChatClientBuilder AddNebiusChatClient(this IServiceCollection services, string defaultModelId, string? clientName = null, ServiceLifetime lifetime = ServiceLifetime.Singleton)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultModelId);
        IChatClient Create(IServiceProvider provider) => new NebiusChatClient(Resolve(provider, clientName), defaultModelId);
        return clientName is null
            ? services.AddChatClient(Create, lifetime)
            : services.AddKeyedChatClient(clientName, Create, lifetime);
    }

    /// <summary>Registers an embedding generator over the Nebius client named <paramref name="clientName"/> (the default one when null).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="defaultModelId">The model used when <see cref="EmbeddingGenerationOptions.ModelId"/> is not set.</param>
    /// <param name="defaultDimensions">Vector size used when the options give none.</param>
    /// <param name="maxBatchSize">The most texts sent in one request.</param>
    /// <param name="clientName">The name the Nebius client was registered under; the generator is then keyed by the same name.</param>
    /// <param name="lifetime">The generator's lifetime.</param>
    /// <returns>The builder, to add middleware such as caching, <c>UseOpenTelemetry</c> or <c>UseLogging</c>.</returns>
    public static EmbeddingGeneratorBuilder<string, Embedding<float>> AddNebiusEmbeddingGenerator(
        this IServiceCollection services,
        string defaultModelId,
        int? defaultDimensions = null,
        int maxBatchSize = 256,
        string? clientName = null,
        ServiceLifetime lifetime = ServiceLifetime.Singleton)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultModelId);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        IEmbeddingGenerator<string, Embedding<float>> Create(IServiceProvider provider) =>
            new NebiusEmbeddingGenerator(Resolve(provider, clientName), defaultModelId, defaultDimensions, maxBatchSize);
        return clientName is null
            ? services.AddEmbeddingGenerator(Create, lifetime)
            : services.AddKeyedEmbeddingGenerator(clientName, Create, lifetime);
    }

    private static NebiusClient Resolve(IServiceProvider provider, string? clientName) =>
        clientName is null ? provider.GetRequiredService<NebiusClient>() : provider.GetRequiredKeyedService<NebiusClient>(clientName);
}
