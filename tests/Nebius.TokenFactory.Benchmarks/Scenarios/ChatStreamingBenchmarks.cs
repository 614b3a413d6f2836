using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Nebius.TokenFactory.Benchmarks.Infrastructure;
using Nebius.TokenFactory.Benchmarks.Raw;
using Nebius.TokenFactory.Models;
using OpenAI.Chat;

namespace Nebius.TokenFactory.Benchmarks.Scenarios;

/// <summary>
/// Scenario 2: a streamed chat completion of <see cref="Chunks"/> chunks, read to the end. One operation
/// is one whole stream; divide the allocated bytes by <see cref="Chunks"/> for the cost per chunk.
/// </summary>
[MemoryDiagnoser]
public class ChatStreamingBenchmarks : LoopbackBenchmark
{
    public const int Chunks = 1_000;
    private const string UserPrompt = "Count to one thousand.";

    private ChatCompletionRequest _ours = null!;
    private ChatClient _openAiChat = null!;
    private List<ChatMessage> _openAiMessages = null!;
    private ChatCompletionOptions _openAiOptions = null!;
    private RawChatRequest _raw = null!;

    protected override double ExpectedChecksum => Payloads.ChatStreamChecksum(Chunks);

    [Benchmark]
    public async Task<double> NebiusTokenFactory()
    {
        var sum = 0d;
        await foreach (var chunk in Nebius.V1.Chat.Completions.StreamAsync(_ours).ConfigureAwait(false))
        {
            sum += 1 + (chunk.Choices![0].Delta!.Content?.Length ?? 0);
        }

        return sum;
    }

    [Benchmark(Baseline = true)]
    public async Task<double> OpenAiSdk()
    {
        var sum = 0d;
        await foreach (var update in _openAiChat.CompleteChatStreamingAsync(_openAiMessages, _openAiOptions).ConfigureAwait(false))
        {
            sum++;
            foreach (var part in update.ContentUpdate)
            {
                sum += part.Text.Length;
            }
        }

        return sum;
    }

    [Benchmark]
    public async Task<double> RawHttpClientStj()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(_raw, RawJsonContext.Default.RawChatRequest)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await Raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var sum = 0d;
            var parser = SseParser.Create(stream, static (_, data) => data.SequenceEqual("[DONE]"u8) ? null : JsonSerializer.Deserialize(data, RawJsonContext.Default.RawChatCompletion));
            await foreach (var item in parser.EnumerateAsync().ConfigureAwait(false))
            {
                if (item.Data is not { } chunk)
                {
                    break;
                }

                sum += 1 + (chunk.Choices[0].Delta!.Content?.Length ?? 0);
            }

            return sum;
        }
    }

    protected override IReadOnlyDictionary<string, CannedResponse> Routes() =>
        new Dictionary<string, CannedResponse> { ["/v1/chat/completions"] = new("text/event-stream", Payloads.ChatStream(Chunks), Chunked: true) };

    protected override void Prepare()
    {
        _ours = new ChatCompletionRequest
        {
            Model = Payloads.ChatModel,
            MaxTokens = 4096,
            Messages = [new ChatCompletionMessage { Role = ChatRole.User, Content = UserPrompt }],
        };
        _openAiChat = OpenAi.GetChatClient(Payloads.ChatModel);
        _openAiMessages = [new UserChatMessage(UserPrompt)];
        _openAiOptions = new ChatCompletionOptions { MaxOutputTokenCount = 4096 };
        _raw = new RawChatRequest(Payloads.ChatModel, [new RawMessage("user", UserPrompt)], 4096, Stream: true);
    }

    protected override IEnumerable<(string Name, Func<Task<double>> Run)> Contenders() =>
        [(nameof(NebiusTokenFactory), NebiusTokenFactory), (nameof(OpenAiSdk), OpenAiSdk), (nameof(RawHttpClientStj), RawHttpClientStj)];
}
