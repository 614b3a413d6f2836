using Nebius.TokenFactory.Benchmarks.Infrastructure;
using Nebius.TokenFactory.Benchmarks.Raw;
using OpenAI.Models;

namespace Nebius.TokenFactory.Benchmarks.Scenarios;

/// <summary>
/// Scenario 4: <c>GET /v1/models?verbose=true</c> answering <see cref="Count"/> verbose models (names,
/// descriptions, architecture, features, pricing). Every contender adds up the ids and owners.
/// </summary>
[MemoryDiagnoser]
public class ModelsListBenchmarks : LoopbackBenchmark
{
    public const int Count = 200;

    private OpenAIModelClient _openAiModels = null!;

    protected override double ExpectedChecksum => Payloads.ModelsChecksum(Count);

    [Benchmark]
    public async Task<double> NebiusTokenFactory()
    {
        var list = await Nebius.V1.Models.GetAsync(c => c.QueryParameters.Verbose = true).ConfigureAwait(false);
        var sum = 0d;
        foreach (var model in list!.Data!)
        {
            sum += 1 + model.Id!.Length + (model.OwnedBy?.Length ?? 0);
        }

        return sum;
    }

    [Benchmark(Baseline = true)]
    public async Task<double> OpenAiSdk()
    {
        OpenAIModelCollection models = await _openAiModels.GetModelsAsync().ConfigureAwait(false);
        var sum = 0d;
        foreach (var model in models)
        {
            sum += 1 + model.Id.Length + (model.OwnedBy?.Length ?? 0);
        }

        return sum;
    }

    [Benchmark]
    public async Task<double> RawHttpClientStj()
    {
        using var response = await Raw.GetAsync(new Uri("/v1/models?verbose=true", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var list = await System.Text.Json.JsonSerializer.DeserializeAsync(stream, RawJsonContext.Default.RawModelList).ConfigureAwait(false);
            var sum = 0d;
            foreach (var model in list!.Data)
            {
                sum += 1 + model.Id.Length + (model.OwnedBy?.Length ?? 0);
            }

            return sum;
        }
    }

    protected override IReadOnlyDictionary<string, CannedResponse> Routes() =>
        new Dictionary<string, CannedResponse> { ["/v1/models"] = new("application/json", Payloads.Models(Count)) };

    protected override void Prepare() => _openAiModels = OpenAi.GetOpenAIModelClient();

    protected override IEnumerable<(string Name, Func<Task<double>> Run)> Contenders() =>
        [(nameof(NebiusTokenFactory), NebiusTokenFactory), (nameof(OpenAiSdk), OpenAiSdk), (nameof(RawHttpClientStj), RawHttpClientStj)];
}
