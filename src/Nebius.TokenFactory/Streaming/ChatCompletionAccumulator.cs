using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory;

/// <summary>
/// Folds the chunks of a streamed chat completion into the <see cref="ChatCompletionResponse"/> the
/// non-streaming call would have returned: text, reasoning, parallel tool calls with their full
/// arguments, log probabilities, finish reasons per choice, and usage.
/// </summary>
/// <example>
/// <code>
/// var accumulator = new ChatCompletionAccumulator();
/// await foreach (var chunk in client.V1.Chat.Completions.StreamAsync(request))
/// {
///     Console.Write(chunk.Choices?.FirstOrDefault()?.Delta?.Content);
///     accumulator.Add(chunk);
/// }
/// var response = accumulator.ToResponse();
/// </code>
/// </example>
public sealed class ChatCompletionAccumulator
{
    private readonly SortedDictionary<int, ChoiceState> _choices = [];
    private string? _id;
    private string? _model;
    private long? _created;
    private string? _systemFingerprint;
    private string? _serviceTier;
    private CompletionUsage? _usage;

    /// <summary>How many chunks were added.</summary>
    public int ChunkCount { get; private set; }

    /// <summary>Reads a whole stream and returns the folded response.</summary>
    /// <param name="chunks">The stream, e.g. from <c>client.V1.Chat.Completions.StreamAsync</c>.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async Task<ChatCompletionResponse> AccumulateAsync(IAsyncEnumerable<ChatCompletionChunk> chunks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        var accumulator = new ChatCompletionAccumulator();
        await foreach (var chunk in chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            accumulator.Add(chunk);
        }

        return accumulator.ToResponse();
    }

    /// <summary>Adds one chunk, in the order received.</summary>
    /// <param name="chunk">The chunk.</param>
    public void Add(ChatCompletionChunk chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        ChunkCount++;
        _id ??= chunk.Id;
        _model ??= chunk.Model;
        _created ??= chunk.Created;
        _systemFingerprint = chunk.SystemFingerprint ?? _systemFingerprint;
        _serviceTier = chunk.ServiceTier ?? _serviceTier;
        _usage = chunk.Usage ?? _usage; // the usage chunk (choices: []) comes last when include_usage is set
        foreach (var choice in chunk.Choices ?? [])
        {
            var index = choice.Index ?? 0;
            if (!_choices.TryGetValue(index, out var state))
            {
                _choices[index] = state = new ChoiceState(index);
            }

            state.Add(choice);
        }
    }

    /// <summary>The response as received so far (call it at any time; it does not consume the state).</summary>
    public ChatCompletionResponse ToResponse() => new()
    {
        Id = _id,
        Object = "chat.completion",
        Created = _created,
        Model = _model,
        SystemFingerprint = _systemFingerprint,
        ServiceTier = _serviceTier,
        Usage = _usage,
        Choices = [.. _choices.Values.Select(c => c.ToChoice())],
    };
}
