using System.Text.Json.Nodes;
using Nebius.ContractCheck.Recording;
using Nebius.Testing;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.ContractCheck.Tests;

/// <summary>
/// Secrets in what the proxy saw: a target that sets a cookie, echoes the key in a body and in an error, and the
/// redaction of a mapping in WireMock's saved form with every kind of secret in it.
/// </summary>
public sealed class RecordingRedactionTests : IAsyncLifetime, IDisposable
{
    private const string Key = "nb-echoed-secret-4b1d0c";
    private const string SessionCookie = "sess-cookie-value-93ac1";
    private readonly TempDirectory _scratch = new();
    private LoopbackServer _target = null!;

    public async Task InitializeAsync() => _target = await LoopbackServer.StartAsync();

    public async Task DisposeAsync() => await _target.DisposeAsync();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task A_cookie_the_target_sets_and_a_key_it_echoes_never_reach_the_files_or_the_output()
    {
        _target.Respond((context, request) => request.Path switch
        {
            "/v0/dedicated_endpoints" => LoopbackServer.Json(context, 401, $$"""{"detail":"invalid key {{Key}}"}"""),
            "/v0/models" => LoopbackServer.Json(context, 200, "[]", ("Set-Cookie", $"session={SessionCookie}; Path=/; HttpOnly")),
            "/v1/models" => LoopbackServer.Json(context, 200, $$"""{"object":"list","data":[{"id":"m","object":"model","created":1,"owned_by":"{{Key}}"}]}"""),
            _ => LoopbackServer.Json(context, 200, """{"object":"list","data":[],"has_more":false}""", ("Set-Cookie", $"session={SessionCookie}; Path=/")),
        });
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var status = await ContractCheckApp.RunAsync(
            ["record", "--repo", RepositoryPaths.Root, "--target", _target.BaseUrl.ToString(), "--out", _scratch.Path],
            stdout, stderr, name => name == "NEBIUS_API_KEY" ? Key : null);

        var output = stdout + stderr.ToString();
        Assert.Equal(1, status);
        Assert.Contains("record: GET /v0/dedicated_endpoints: not recorded: HTTP 401", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, output, StringComparison.Ordinal);
        var files = RecordingFiles.Under(_scratch.Path);
        Assert.Equal(5, files.Count);
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
            Assert.DoesNotContain(SessionCookie, text, StringComparison.Ordinal);
        }

        var models = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_scratch.Path, "GET_v0_models.json")))!;
        Assert.Equal("session=" + RecordingPlaceholders.Cookie, (string?)models["Response"]!["Headers"]!["Set-Cookie"]![0]);
        var echoed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_scratch.Path, "GET_v1_models.json")))!;
        Assert.Equal(RecordingPlaceholders.ApiKey, (string?)echoed["Response"]!["BodyAsJson"]!["data"]![0]!["owned_by"]);
    }

    [Fact]
    public void Every_kind_of_secret_in_a_saved_mapping_becomes_a_placeholder_and_volatile_headers_go()
    {
        const string project = "project-e00abc123";
        var saved = JsonNode.Parse($$"""
            {
              "Guid": "686489b1-8937-40eb-8f76-138fcd88ccdb",
              "UpdatedAt": "2026-12-03T09:47:37.529346Z",
              "Priority": -2000000,
              "Request": {
                "Path": {"Matchers": [{"Name": "WildcardMatcher", "Pattern": "/v1/files", "IgnoreCase": false}]},
                "Methods": ["GET"],
                "HttpVersion": "1.1",
                "Headers": [
                  {"Name": "Host", "Matchers": [{"Name": "WildcardMatcher", "Pattern": "127.0.0.1:38211", "IgnoreCase": true}]},
                  {"Name": "User-Agent", "Matchers": [{"Name": "WildcardMatcher", "Pattern": "Nebius.TokenFactory/0.2.0", "IgnoreCase": true}]},
                  {"Name": "Authorization", "Matchers": [{"Name": "WildcardMatcher", "Pattern": "Bearer {{Key}}", "IgnoreCase": true}]}
                ],
                "Cookies": [{"Name": "lb", "Matchers": [{"Name": "WildcardMatcher", "Pattern": "{{SessionCookie}}", "IgnoreCase": true}]}],
                "Params": [
                  {"Name": "ai_project_id", "Matchers": [{"Name": "ExactMatcher", "Pattern": "{{project}}", "IgnoreCase": false}]},
                  {"Name": "limit", "Matchers": [{"Name": "ExactMatcher", "Pattern": "2", "IgnoreCase": false}]}
                ]
              },
              "Response": {
                "StatusCode": 200,
                "BodyAsJson": {"object": "list", "data": [], "note": "project {{project}}, cookie {{SessionCookie}}"},
                "Headers": {
                  "Content-Type": "application/json",
                  "Date": "Thu, 03 Dec 2026 09:47:37 GMT",
                  "Server": "nginx",
                  "Transfer-Encoding": "chunked",
                  "Set-Cookie": ["a={{SessionCookie}}; Path=/", "b=other-cookie-value-1; HttpOnly"],
                  "x-request-id": "r1"
                }
              }
            }
            """)!.AsObject();

        var text = new MappingRedactor(Key, project).Redact(saved, "GET /v1/files", "Recorded against a test");
        var redacted = JsonNode.Parse(text)!;

        foreach (var secret in new[] { Key, project, SessionCookie, "other-cookie-value-1", "127.0.0.1:38211", "Nebius.TokenFactory/0.2.0", "686489b1", "2026-12-03", "nginx" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        var request = redacted["Request"]!;
        Assert.Equal("Authorization", (string?)Assert.Single(request["Headers"]!.AsArray())!["Name"]);
        Assert.Equal("Bearer " + RecordingPlaceholders.ApiKey, (string?)request["Headers"]![0]!["Matchers"]![0]!["Pattern"]);
        Assert.Null(request["Cookies"]);
        Assert.Equal([RecordingPlaceholders.AiProjectId, "2"], request["Params"]!.AsArray().Select(p => (string?)p!["Matchers"]![0]!["Pattern"]));
        var headers = redacted["Response"]!["Headers"]!.AsObject();
        Assert.Equal(["Content-Type", "Set-Cookie", "x-request-id"], headers.Select(h => h.Key));
        Assert.Equal(["a=" + RecordingPlaceholders.Cookie, "b=" + RecordingPlaceholders.Cookie], headers["Set-Cookie"]!.AsArray().Select(v => (string?)v));
        Assert.Equal($"project {RecordingPlaceholders.AiProjectId}, cookie {RecordingPlaceholders.Cookie}", (string?)redacted["Response"]!["BodyAsJson"]!["note"]);
        Assert.Equal(("GET /v1/files", "Recorded against a test"), ((string?)redacted["Title"], (string?)redacted["Description"]));
    }
}
