using System.ClientModel;
using System.Net.Http.Headers;
using OpenAI;

namespace Nebius.TokenFactory.Benchmarks.Infrastructure;

/// <summary>
/// The common setup of every scenario: one loopback server with the scenario's canned bytes, and the
/// three contenders pointed at it (this library, the OpenAI SDK, raw HttpClient). Before measuring, the
/// setup runs each contender once and checks that it computed the checksum of the canned payload, so a
/// contender that skipped parsing, or hit the wrong path, fails the run instead of winning it.
/// </summary>
public abstract class LoopbackBenchmark
{
    private const string ApiKey = "benchmark-key-not-a-secret";
    private BenchmarkServer? _server;

    /// <summary>This library's client.</summary>
    protected NebiusClient Nebius { get; private set; } = null!;

    /// <summary>The official OpenAI SDK, its endpoint set to the loopback server's <c>/v1</c>.</summary>
    protected OpenAIClient OpenAi { get; private set; } = null!;

    /// <summary>A plain HttpClient with the bearer header, for the System.Text.Json floor.</summary>
    protected HttpClient Raw { get; private set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = BenchmarkServer.StartAsync(Routes()).GetAwaiter().GetResult();
        Nebius = new NebiusClient(new NebiusClientOptions { ApiKey = ApiKey, BaseUrl = _server.BaseUrl });
        OpenAi = new OpenAIClient(new ApiKeyCredential(ApiKey), new OpenAIClientOptions { Endpoint = new Uri(_server.BaseUrl, "/v1") });
        Raw = new HttpClient { BaseAddress = _server.BaseUrl };
        Raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        Prepare();
        foreach (var (name, run) in Contenders())
        {
            var actual = run().GetAwaiter().GetResult();
            if (Math.Abs(actual - ExpectedChecksum) > 1e-6 * Math.Max(1, Math.Abs(ExpectedChecksum)))
            {
                throw new InvalidOperationException($"{GetType().Name}: {name} computed {actual}, expected {ExpectedChecksum}; it did not read the payload.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Nebius.Dispose();
        Raw.Dispose();
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The paths the server answers and their bytes (built once).</summary>
    protected abstract IReadOnlyDictionary<string, CannedResponse> Routes();

    /// <summary>Builds each contender's request objects, once, after the clients exist.</summary>
    protected abstract void Prepare();

    /// <summary>What every contender must compute from the payload.</summary>
    protected abstract double ExpectedChecksum { get; }

    /// <summary>The benchmark methods, by name, for the setup's check.</summary>
    protected abstract IEnumerable<(string Name, Func<Task<double>> Run)> Contenders();
}
