using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Nebius.TokenFactory.Benchmarks.Infrastructure;
using Nebius.TokenFactory.Benchmarks.Raw;
using Nebius.TokenFactory.Models;
using OpenAI.Embeddings;

namespace Nebius.TokenFactory.Benchmarks.Scenarios;

/// <summary>
/// Scenario 3: embeddings of <see cref="Inputs"/> inputs × <see cref="Dimensions"/> floats, sent back as JSON
/// numbers (<c>float</c>) or as base64 of float32 (<c>base64</c>). Every contender sums every float.
/// The OpenAI SDK always asks for base64 and reads either form; the server sends the bytes of the
/// parameter whatever was asked.
/// </summary>
[MemoryDiagnoser]
public class EmbeddingsBenchmarks : LoopbackBenchmark
{
    public const int Inputs = 64;
    public const int Dimensions = 1_536;

    private EmbeddingRequest _ours = null!;
    private EmbeddingClient _openAiEmbeddings = null!;
    private List<string> _inputs = null!;
    private RawEmbeddingRequest _raw = null!;

    [Params("float", "base64")]
    public string Encoding { get; set; } = "float";

    private bool IsBase64 => Encoding == "base64";

    protected override double ExpectedChecksum => Payloads.EmbeddingsChecksum(Inputs, Dimensions);

    [Benchmark]
    public async Task<double> NebiusTokenFactory()
    {
        var response = await Nebius.V1.Embeddings.PostAsync(_ours).ConfigureAwait(false);
        var sum = 0d;
        foreach (var embedding in response!.Data!)
        {
            if (embedding.EmbeddingProp?.FloatValues is { } numbers)
            {
                foreach (var value in numbers)
                {
                    sum += value!.Value;
                }
            }
            else
            {
                sum += Payloads.SumOf(embedding.ToVector());
            }
        }

        return sum;
    }

    [Benchmark(Baseline = true)]
    public async Task<double> OpenAiSdk()
    {
        OpenAIEmbeddingCollection embeddings = await _openAiEmbeddings.GenerateEmbeddingsAsync(_inputs).ConfigureAwait(false);
        var sum = 0d;
        foreach (var embedding in embeddings)
        {
            sum += Payloads.SumOf(embedding.ToFloats().Span);
        }

        return sum;
    }

    [Benchmark]
    public async Task<double> RawHttpClientStj()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/embeddings")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(_raw, RawJsonContext.Default.RawEmbeddingRequest)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Raw.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var sum = 0d;
            if (IsBase64)
            {
                var embeddings = await JsonSerializer.DeserializeAsync(stream, RawJsonContext.Default.RawBase64Embeddings).ConfigureAwait(false);
                foreach (var embedding in embeddings!.Data)
                {
                    // float32 little-endian, viewed in place (this machine is little-endian).
                    sum += Payloads.SumOf(MemoryMarshal.Cast<byte, float>(embedding.Embedding));
                }
            }
            else
            {
                var embeddings = await JsonSerializer.DeserializeAsync(stream, RawJsonContext.Default.RawFloatEmbeddings).ConfigureAwait(false);
                foreach (var embedding in embeddings!.Data)
                {
                    sum += Payloads.SumOf(embedding.Embedding);
                }
            }

            return sum;
        }
    }

    protected override IReadOnlyDictionary<string, CannedResponse> Routes() =>
        new Dictionary<string, CannedResponse> { ["/v1/embeddings"] = new("application/json", Payloads.Embeddings(Inputs, Dimensions, IsBase64)) };

    protected override void Prepare()
    {
        _inputs = Payloads.EmbeddingInputs(Inputs);
        _ours = new EmbeddingRequest
        {
            Model = Payloads.EmbeddingModel,
            Input = _inputs,
            EncodingFormat = IsBase64 ? EmbeddingEncodingFormat.Base64 : EmbeddingEncodingFormat.Float,
        };
        _openAiEmbeddings = OpenAi.GetEmbeddingClient(Payloads.EmbeddingModel);
        _raw = new RawEmbeddingRequest(Payloads.EmbeddingModel, _inputs, Encoding);
    }

    protected override IEnumerable<(string Name, Func<Task<double>> Run)> Contenders() =>
        [(nameof(NebiusTokenFactory), NebiusTokenFactory), (nameof(OpenAiSdk), OpenAiSdk), (nameof(RawHttpClientStj), RawHttpClientStj)];
}
