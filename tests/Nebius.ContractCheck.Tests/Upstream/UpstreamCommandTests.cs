using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Nebius.Testing;
using static Nebius.ContractCheck.Tests.UpstreamTestDocuments;

namespace Nebius.ContractCheck.Tests;

/// <summary>The <c>upstream</c> command as CI calls it: its four exit codes, its reports, and where the API key may go.</summary>
public sealed class UpstreamCommandTests : IDisposable
{
    private const string Key = "nb-upstream-secret-5e9a";
    private readonly TempDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    /// <summary>Answers every request with the test document and keeps what was asked, so no test touches the network.</summary>
    private sealed class DocumentHandler : HttpMessageHandler
    {
        public List<(Uri Url, string? Authorization)> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!, request.Headers.Authorization?.ToString()));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(File.ReadAllText(UpstreamPath)) });
        }
    }

    private static async Task<(int Status, string Out, string Error)> RunAsync(string? key, HttpMessageHandler? handler, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var status = await ContractCheckApp.RunAsync(
            ["upstream", "--repo", RepositoryPaths.Root, "--spec", OursPath, .. args],
            stdout, stderr, name => name == "NEBIUS_API_KEY" ? key : null, handler);
        return (status, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string text) => _scratch.Write(name, text);

    [Fact]
    public async Task Unacknowledged_differences_exit_1_with_both_reports_written()
    {
        var markdown = _scratch.File("upstream.md");
        var json = _scratch.File("upstream.json");

        var (status, output, error) = await RunAsync(null, null, "--source", UpstreamPath, "--acknowledged", _scratch.File("none.txt"), "--markdown", markdown, "--json", json);

        Assert.Equal(1, status);
        Assert.Contains("upstream: 9 difference(s) from the API's own document not acknowledged", error, StringComparison.Ordinal);
        Assert.Contains("| `operation-only-upstream POST /v1/rerank` |", output, StringComparison.Ordinal);
        Assert.Equal(output, await File.ReadAllTextAsync(markdown));
        var report = JsonNode.Parse(await File.ReadAllTextAsync(json))!;
        Assert.Equal(PlantedIds.Order(StringComparer.Ordinal), report["differences"]!.AsArray().Select(d => (string?)d!["id"]).Order(StringComparer.Ordinal));
        Assert.Equal(9, (int)report["summary"]!["unacknowledged"]!);
    }

    [Fact]
    public async Task Nothing_beyond_the_acknowledged_list_exits_0()
    {
        var acknowledged = Write("ack.txt", string.Join("\n", PlantedIds.Select(id => $"{id}  # planted for the test")) + "\n");

        var (status, output, error) = await RunAsync(null, null, "--source", UpstreamPath, "--acknowledged", acknowledged);

        Assert.True(status == 0, error);
        Assert.Contains("10 difference(s), 0 not acknowledged", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_that_cannot_be_read_or_a_bad_option_exits_2()
    {
        var notJson = Write("broken.json", "{\"openapi\": \"3.1.0\", \"paths\": ");
        var notOpenApi = Write("array.json", "[1, 2]");
        var unexplained = Write("ack.txt", "type-differs Batch.created_at\n");

        Assert.Equal(2, (await RunAsync(null, null, "--source", notJson)).Status);
        Assert.Equal(2, (await RunAsync(null, null, "--source", notOpenApi)).Status);
        Assert.Equal(2, (await RunAsync(null, null, "--source", UpstreamPath, "--connect-timeout", "soon")).Status);
        var (status, _, error) = await RunAsync(null, null, "--source", UpstreamPath, "--acknowledged", unexplained);
        Assert.Equal(2, status);
        Assert.Contains("needs its reason", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_source_exits_3()
    {
        // A port nothing listens on: the connection is refused at once, on loopback only.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (status, _, error) = await RunAsync(Key, null, "--source", $"http://127.0.0.1:{port}/openapi.json", "--connect-timeout", "2");
        var missing = await RunAsync(null, null, "--source", _scratch.File("absent.json"));

        Assert.Equal(3, status);
        Assert.Contains("upstream: unreachable:", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error, StringComparison.Ordinal);
        Assert.Equal(3, missing.Status);
    }

    [Theory]
    [InlineData("https://api.tokenfactory.nebius.com/openapi.json", Key, "Bearer " + Key)]
    [InlineData("https://api.tokenfactory.eu-west1.nebius.com/openapi.json", Key, "Bearer " + Key)]
    [InlineData("http://api.tokenfactory.nebius.com/openapi.json", Key, null)]
    [InlineData("https://example.com/openapi.json", Key, null)]
    [InlineData("https://api.tokenfactory.nebius.com.example.com/openapi.json", Key, null)]
    [InlineData("https://api.tokenfactory.nebius.com/openapi.json", null, null)]
    public async Task The_key_is_sent_only_when_set_and_only_over_https_to_a_Token_Factory_host(string source, string? key, string? expected)
    {
        using var handler = new DocumentHandler();

        var (status, output, _) = await RunAsync(key, handler, "--source", source);

        Assert.Equal(1, status); // the planted differences: the document was read and compared
        var request = Assert.Single(handler.Requests);
        Assert.Equal(new Uri(source), request.Url);
        Assert.Equal(expected, request.Authorization);
        Assert.DoesNotContain(Key, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_source_is_the_live_document()
    {
        using var handler = new DocumentHandler();

        await RunAsync(null, handler);

        Assert.Equal(new Uri("https://api.tokenfactory.nebius.com/openapi.json"), Assert.Single(handler.Requests).Url);
    }
}
