using Microsoft.Extensions.AI;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.AI;

/// <summary>
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over <see cref="NebiusClient"/>. Large inputs are sent
/// in batches of <see cref="MaxBatchSize"/> texts, one after another, and the vectors come back in input order
/// with the usage of all batches added up. Vectors travel base64-encoded (a quarter of the JSON size).
/// </summary>
public sealed class NebiusEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly NebiusClient _client;
    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>Wraps <paramref name="client"/>; the caller keeps owning it.</summary>
    /// <param name="client">The Nebius client the calls go through.</param>
    /// <param name="defaultModelId">The model used when <see cref="EmbeddingGenerationOptions.ModelId"/> is not set.</param>
    /// <param name="defaultDimensions">Vector size used when <see cref="EmbeddingGenerationOptions.Dimensions"/> is not set (models that support it).</param>
    /// <param name="maxBatchSize">The most texts sent in one request.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBatchSize"/> or <paramref name="defaultDimensions"/> is below 1.</exception>
    public NebiusEmbeddingGenerator(NebiusClient client, string? defaultModelId = null, int? defaultDimensions = null, int maxBatchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(defaultDimensions ?? 1, 1, nameof(defaultDimensions));
        _client = client;
        DefaultModelId = defaultModelId;
        DefaultDimensions = defaultDimensions;
        MaxBatchSize = maxBatchSize;
        _metadata = new EmbeddingGeneratorMetadata("nebius", client.BaseUrl, defaultModelId, defaultDimensions);
    }

    /// <summary>The model used when the options name none.</summary>
    public string? DefaultModelId { get; }

    /// <summary>The vector size used when the options give none; null for the model's own.</summary>
    public int? DefaultDimensions { get; }

    /// <summary>The most texts sent in one request.</summary>
    public int MaxBatchSize { get; }

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values.ToList();
        if (inputs.Any(v => v is null))
        {
            throw new ArgumentException("No input may be null.", nameof(values));
        }

        var model = options?.ModelId ?? DefaultModelId;
        if (string.IsNullOrWhiteSpace(model))
        {
            throw new ArgumentException("No model: set EmbeddingGenerationOptions.ModelId or give the generator a default model.", nameof(options));
        }

        var dimensions = options?.Dimensions ?? DefaultDimensions;
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions ?? 1, 1, nameof(options));
        var (projectId, extra) = SplitProperties(options?.AdditionalProperties, nameof(options));

        var result = new GeneratedEmbeddings<Embedding<float>>(inputs.Count);
        long? inputTokens = null;
        long? totalTokens = null;
        var client = _client;
        foreach (var batch in inputs.Chunk(MaxBatchSize))
        {
            var request = new EmbeddingRequest { Model = model, Input = batch.ToList(), Dimensions = dimensions, EncodingFormat = EmbeddingEncodingFormat.Base64 };
            foreach (var (key, value) in extra)
            {
                request.AdditionalData[key] = value;
            }

            var response = await client.V1.Embeddings.PostAsync(request, c => c.RequireBody().QueryParameters.AiProjectId = projectId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The server answered the embeddings call with an empty body.");
            var data = (response.Data ?? []).OrderBy(e => e.Index).ToList();
            if (data.Count != batch.Length)
            {
                throw new InvalidOperationException($"The server returned {data.Count} embeddings for {batch.Length} inputs.");
            }

            foreach (var item in data)
            {
                result.Add(new Embedding<float>(item.ToVector()) { ModelId = response.Model ?? model });
            }

            inputTokens = Add(inputTokens, response.Usage?.PromptTokens);
            totalTokens = Add(totalTokens, response.Usage?.TotalTokens);
        }

        if (inputTokens is not null || totalTokens is not null)
        {
            result.Usage = new UsageDetails { InputTokenCount = inputTokens, TotalTokenCount = totalTokens };
        }

        return result;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType == typeof(NebiusClient) ? _client
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>Nothing to release: the wrapped client belongs to the caller.</summary>
    public void Dispose()
    {
    }

    private static long? Add(long? total, long? value) => value is null ? total : (total ?? 0) + value;

    private static (string? ProjectId, Dictionary<string, object> Extra) SplitProperties(AdditionalPropertiesDictionary? properties, string parameterName)
    {
        string? projectId = null;
        var extra = new Dictionary<string, object>(StringComparer.Ordinal);
        var knownFields = new EmbeddingRequest().GetFieldDeserializers().Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var (key, value) in properties ?? [])
        {
            if (key == NebiusChatProperties.AiProjectId)
            {
                projectId = UntypedValues.AsString(value) ?? throw new ArgumentException($"AdditionalProperties[\"{key}\"] must be a string.", parameterName);
            }
            else if (knownFields.Contains(key))
            {
                throw new ArgumentException($"AdditionalProperties[\"{key}\"] names a field the generator sets; use EmbeddingGenerationOptions instead.", parameterName);
            }
            else
            {
                extra[key] = UntypedValues.From(value);
            }
        }

        return (projectId, extra);
    }
}
