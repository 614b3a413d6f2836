using Nebius.ContractCheck.Probe;
using Nebius.ContractCheck.Recording;
using Nebius.Testing;
using Nebius.TokenFactory.Testing;

namespace Nebius.ContractCheck.Tests;

/// <summary>
/// The record-and-replay workflow end to end, against the built-in fake (no real recording can be made offline):
/// <c>record --target URL</c> writes one mapping per read-only call with placeholders and no secret, and each file
/// replays through the shipped client and matches the spec.
/// </summary>
public sealed class RecordingTests : IAsyncLifetime, IDisposable
{
    private const string Key = "nb-record-secret-8f2e61";
    private const string Project = "project-e00secret77";
    private readonly TempDirectory _scratch = new();
    private FakeTokenFactory _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeTokenFactory.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _scratch.Dispose();

    private async Task<(int Status, string Output)> RecordAsync(params string[] extra)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var status = await ContractCheckApp.RunAsync(
            ["record", "--repo", RepositoryPaths.Root, "--target", _fake.BaseUrl.ToString(), "--out", _scratch.Path, .. extra],
            stdout, stderr, name => name switch { "NEBIUS_API_KEY" => Key, "NEBIUS_AI_PROJECT_ID" => Project, _ => null });
        return (status, stdout + stderr.ToString());
    }

    [Fact]
    public async Task Recording_the_fake_writes_one_mapping_per_read_only_call_and_each_replays()
    {
        var (status, output) = await RecordAsync();

        Assert.True(status == 0, output);
        Assert.Equal(
            ReadOnlyCall.All.Select(RecordingFiles.FileName).Order(StringComparer.Ordinal),
            RecordingFiles.Under(_scratch.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(ReadOnlyCall.All.Count, output.Split("replayed: parsed, matches the spec").Length - 1);

        var replay = new RecordingReplay(RealSpec.Json);
        foreach (var file in RecordingFiles.Under(_scratch.Path))
        {
            var findings = await replay.ReplayAsync(file, CancellationToken.None);
            Assert.True(findings.Count == 0, string.Join("\n", findings));
        }
    }

    [Fact]
    public async Task The_calls_went_through_the_proxy_to_the_target_with_the_real_key_and_project()
    {
        await RecordAsync();

        Assert.Equal(ReadOnlyCall.All.Select(c => c.Name).Order(StringComparer.Ordinal), _fake.Journal.Select(r => $"{r.Method} {r.Path}").Order(StringComparer.Ordinal));
        Assert.All(_fake.Journal, r => Assert.Equal("Bearer " + Key, r.Headers["Authorization"]));
        Assert.All(_fake.Journal, r => Assert.Contains("ai_project_id=" + Project, r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Saved_files_and_output_hold_placeholders_and_never_the_key_or_project()
    {
        var (_, output) = await RecordAsync();

        Assert.DoesNotContain(Key, output, StringComparison.Ordinal);
        foreach (var file in RecordingFiles.Under(_scratch.Path))
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Project, text, StringComparison.Ordinal);
            Assert.Contains("\"Bearer " + RecordingPlaceholders.ApiKey + "\"", text, StringComparison.Ordinal);
            Assert.Contains("\"" + RecordingPlaceholders.AiProjectId + "\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\"Host\"", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_target_over_plain_http_off_loopback_or_without_an_out_folder_is_a_usage_error()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var plainHttp = await ContractCheckApp.RunAsync(["record", "--repo", RepositoryPaths.Root, "--target", "http://example.com", "--out", _scratch.Path], stdout, stderr, _ => Key);
        var noOut = await ContractCheckApp.RunAsync(["record", "--repo", RepositoryPaths.Root, "--target", _fake.BaseUrl.ToString()], stdout, stderr, _ => Key);

        Assert.Equal((2, 2), (plainHttp, noOut));
        Assert.Empty(_fake.Journal);
        Assert.DoesNotContain(Key, stdout + stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_or_a_target_recording_says_it_skipped()
    {
        using var stdout = new StringWriter();

        var status = await ContractCheckApp.RunAsync(["record", "--repo", RepositoryPaths.Root], stdout, TextWriter.Null, _ => null);

        Assert.Equal(0, status);
        Assert.Contains("record: skipped: NEBIUS_API_KEY is not set", stdout.ToString(), StringComparison.Ordinal);
    }
}
