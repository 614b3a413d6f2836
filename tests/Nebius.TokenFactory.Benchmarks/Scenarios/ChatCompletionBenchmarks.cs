using System.Net.Http.Headers;
using System.Text.Json;
using Nebius.TokenFactory.Benchmarks.Infrastructure;
using Nebius.TokenFactory.Benchmarks.Raw;
using Nebius.TokenFactory.Models;
using OpenAI.Chat;

namespace Nebius.TokenFactory.Benchmarks.Scenarios;

/// <summary>Scenario 1: one non-streaming chat completion, small request and response.</summary>
[MemoryDiagnoser]
public class ChatCompletionBenchmarks : LoopbackBenchmark
{
    private const string SystemPrompt = "You are a concise assistant.";
    private const string UserPrompt = "What is the capital of France?";

    private ChatCompletionRequest _ours = null!;
    private ChatClient _openAiChat = null!;
    private List<ChatMessage> _openAiMessages = null!;
    private ChatCompletionOptions _openAiOptions = null!;
    private RawChatRequest _raw = null!;

    protected override double ExpectedChecksum => Payloads.ChatCompletionChecksum;

    [Benchmark]
    public async Task<double> NebiusTokenFactory()
    {
        var response = await Nebius.V1.Chat.Completions.PostAsync(_ours).ConfigureAwait(false);
        return response!.Choices![0].Message!.Content!.Length + response.Usage!.TotalTokens!.Value;
    }

    [Benchmark(Baseline = true)]
    public async Task<double> OpenAiSdk()
    {
        ChatCompletion completion = await _openAiChat.CompleteChatAsync(_openAiMessages, _openAiOptions).ConfigureAwait(false);
        return completion.Content[0].Text.Length + completion.Usage.TotalTokenCount;
    }

    [Benchmark]
    public async Task<double> RawHttpClientStj()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(_raw, RawJsonContext.Default.RawChatRequest)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var completion = await JsonSerializer.DeserializeAsync(stream, RawJsonContext.Default.RawChatCompletion).ConfigureAwait(false);
            return completion!.Choices[0].Message!.Content!.Length + completion.Usage!.TotalTokens;
        }
    }

    protected override IReadOnlyDictionary<string, CannedResponse> Routes() =>
        new Dictionary<string, CannedResponse> { ["/v1/chat/completions"] = new("application/json", Payloads.ChatCompletion()) };

    protected override void Prepare()
    {
        _ours = new ChatCompletionRequest
        {
            Model = Payloads.ChatModel,
            MaxTokens = 64,
            Messages =
            [
                new ChatCompletionMessage { Role = ChatRole.System, Content = SystemPrompt },
                new ChatCompletionMessage { Role = ChatRole.User, Content = UserPrompt },
            ],
        };
        _openAiChat = OpenAi.GetChatClient(Payloads.ChatModel);
        _openAiMessages = [new SystemChatMessage(SystemPrompt), new UserChatMessage(UserPrompt)];
        _openAiOptions = new ChatCompletionOptions { MaxOutputTokenCount = 64 };
        _raw = new RawChatRequest(Payloads.ChatModel, [new RawMessage("system", SystemPrompt), new RawMessage("user", UserPrompt)], 64, Stream: false);
    }

    protected override IEnumerable<(string Name, Func<Task<double>> Run)> Contenders() =>
        [(nameof(NebiusTokenFactory), NebiusTokenFactory), (nameof(OpenAiSdk), OpenAiSdk), (nameof(RawHttpClientStj), RawHttpClientStj)];
}
