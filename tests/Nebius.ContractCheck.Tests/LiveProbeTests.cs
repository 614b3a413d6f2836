using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Nebius.Testing;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.ContractCheck.Tests;

/// <summary>The live probe against a loopback server playing the API: the calls it makes, the drift it reports, the key it hides.</summary>
public sealed class LiveProbeTests : IAsyncLifetime
{
    private const string Key = "nb-probe-secret-31c7";
    private LoopbackServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Example(string name) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "openapi", "examples", name));

    private void Serve(string? extraModelField = null, string finishReason = "stop", int chatStatus = 200)
    {
        var model = new JsonObject { ["id"] = "meta-llama/Llama-3.3-70B-Instruct", ["object"] = "model", ["created"] = 1, ["owned_by"] = "system" };
        if (extraModelField is not null)
        {
            model[extraModelField] = "eu";
        }

        var chat = JsonNode.Parse(Example("POST_v1_chat_completions.basic.real-2025.json"))!;
        chat["choices"]![0]!["finish_reason"] = finishReason;
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GET /v1/models"] = new JsonObject { ["object"] = "list", ["data"] = new JsonArray(model) }.ToJsonString(),
            ["GET /v1/files"] = """{"object":"list","data":[]}""",
            ["GET /v1/batches"] = """{"object":"list","data":[],"has_more":false}""",
            ["GET /v1/fine_tuning/jobs"] = """{"object":"list","data":[],"has_more":false}""",
            ["GET /v0/models"] = "[]",
            ["GET /v0/dedicated_endpoints"] = """{"object":"list","data":[]}""",
            ["POST /v1/chat/completions"] = chat.ToJsonString(),
        };
        _server.Respond(async (context, recorded) =>
        {
            if (recorded.Method == "POST" && recorded.Body.Contains("\"stream\":true", StringComparison.Ordinal))
            {
                await LoopbackServer.BeginEventStream(context);
                await LoopbackServer.WriteEvent(context, """data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"hi"},"finish_reason":null}]}""");
                await LoopbackServer.WriteEvent(context, "data: [DONE]");
                return;
            }

            var key = $"{recorded.Method} {recorded.Path}";
            if (recorded.Method == "POST" && chatStatus != 200)
            {
                await LoopbackServer.Json(context, chatStatus, $$"""{"detail":"bad key {{Key}}"}""");
                return;
            }

            await (bodies.TryGetValue(key, out var body) ? LoopbackServer.Json(context, 200, body) : LoopbackServer.Json(context, 404, "{}"));
        });
    }

    private async Task<(int Status, string Out)> ProbeAsync()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var status = await ContractCheckApp.RunAsync(
            ["probe", "--repo", RepositoryPaths.Root, "--base-url", _server.BaseUrl.ToString()],
            stdout, stderr, name => name == "NEBIUS_API_KEY" ? Key : null);
        return (status, stdout + stderr.ToString());
    }

    [Fact]
    public async Task Responses_that_match_the_spec_pass_after_the_read_only_calls_a_chat_and_a_stream()
    {
        Serve();

        var (status, output) = await ProbeAsync();

        Assert.True(status == 0, output);
        Assert.Contains("probe: 0 drift finding(s)", output, StringComparison.Ordinal);
        Assert.Equal(
            ["GET /v0/dedicated_endpoints", "GET /v0/models", "GET /v1/batches", "GET /v1/files", "GET /v1/fine_tuning/jobs", "GET /v1/models", "POST /v1/chat/completions", "POST /v1/chat/completions"],
            _server.Journal.Select(r => $"{r.Method} {r.Path}").Order(StringComparer.Ordinal));
        Assert.All(_server.Journal, r => Assert.Equal("Bearer " + Key, r.Headers["Authorization"]));
        Assert.Contains(_server.Journal, r => r.Body.Contains("\"model\":\"meta-llama/Llama-3.3-70B-Instruct\"", StringComparison.Ordinal) && r.Body.Contains("\"max_tokens\":2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_field_and_an_enum_value_the_spec_lacks_are_reported_as_drift_with_exit_1()
    {
        Serve(extraModelField: "region", finishReason: "brand_new_reason");

        var (status, output) = await ProbeAsync();

        Assert.Equal(1, status);
        Assert.Contains("probe: drift: GET /v1/models $.data[0].region: field-not-in-spec", output, StringComparison.Ordinal);
        Assert.Contains("probe: drift: POST /v1/chat/completions $.choices[0].finish_reason: enum-value-not-in-spec", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_call_is_reported_without_the_key_the_server_echoed()
    {
        Serve(chatStatus: 401);

        var (status, output) = await ProbeAsync();

        Assert.Equal(1, status);
        Assert.Contains("call-failed: HTTP 401", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, output, StringComparison.Ordinal);
    }
}
