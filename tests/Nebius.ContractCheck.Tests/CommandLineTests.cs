using System.Text.Json.Nodes;
using Nebius.Testing;

namespace Nebius.ContractCheck.Tests;

/// <summary>The tool as CI calls it: exit codes, reports on disk, acknowledgements.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private static async Task<(int Status, string Out, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var status = await ContractCheckApp.RunAsync([.. args, "--repo", RepositoryPaths.Root], stdout, stderr, NoEnvironment);
        return (status, stdout.ToString(), stderr.ToString());
    }

    /// <summary>No NEBIUS_API_KEY, no CI flag: the runs do not depend on the machine's environment.</summary>
    private static string? NoEnvironment(string name) => null;

    private string Write(string name, string text) => _scratch.Write(name, text);

    [Fact]
    public async Task A_breaking_edit_exits_1_and_writes_both_reports()
    {
        var head = Write("head.json", RealSpec.WithoutModelOwnedBy());
        var markdown = _scratch.File("drift.md");
        var json = _scratch.File("drift.json");

        var (status, output, error) = await RunAsync("diff", "--base-file", RealSpec.Path, "--spec", head, "--markdown", markdown, "--json", json, "--acknowledged", _scratch.File("none.txt"));

        Assert.Equal(1, status);
        Assert.Contains("1 breaking change(s) not acknowledged", error, StringComparison.Ordinal);
        Assert.Contains("| `property-removed Model.owned_by` | property removed | response | GET /v1/models, GET /v1/models/{model} | **no** |", output, StringComparison.Ordinal);
        Assert.Equal(output, File.ReadAllText(markdown));
        var report = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal(1, (int)report["summary"]!["unacknowledgedBreaking"]!);
        Assert.Equal("property-removed Model.owned_by", (string?)report["changes"]![0]!["id"]);
        Assert.Equal("breaking", (string?)report["changes"]![0]!["severity"]);
    }

    [Fact]
    public async Task A_compatible_edit_exits_0_and_is_reported_as_compatible()
    {
        var head = Write("head.json", RealSpec.WithModelRegion());

        var (status, output, _) = await RunAsync("diff", "--base-file", RealSpec.Path, "--spec", head, "--format", "json");

        Assert.Equal(0, status);
        var report = JsonNode.Parse(output)!;
        Assert.Equal(0, (int)report["summary"]!["breaking"]!);
        Assert.Equal("compatible", (string?)report["changes"]![0]!["severity"]);
        Assert.Equal("property-added Model.region", (string?)report["changes"]![0]!["id"]);
    }

    [Fact]
    public async Task A_breaking_edit_listed_in_the_acknowledgement_file_exits_0()
    {
        var head = Write("head.json", RealSpec.WithoutModelOwnedBy());
        var acknowledged = Write("ack.txt", "property-removed Model.owned_by # never sent since 2026-10\n");

        var (status, output, _) = await RunAsync("diff", "--base-file", RealSpec.Path, "--spec", head, "--acknowledged", acknowledged);

        Assert.Equal(0, status);
        Assert.Contains("| yes |", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_breaking_edit_with_a_raised_version_exits_0()
    {
        var head = Write("head.json", RealSpec.Edited(d =>
        {
            RealSpec.Properties(d, "Model").Remove("owned_by");
            RealSpec.SetVersion(d, "2027.1.0");
        }));

        var (status, output, _) = await RunAsync("diff", "--base-file", RealSpec.Path, "--spec", head);

        Assert.Equal(0, status);
        Assert.Contains($"acknowledged by: info.version raised from {RealSpec.Version} to 2027.1.0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_head_spec_exits_2_with_the_pointer()
    {
        var head = Write("head.yaml", "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n      responses:\n        '200': {description: ok, content: {application/json: {schema: 7}}}\n");

        var (status, _, error) = await RunAsync("diff", "--base-file", RealSpec.Path, "--spec", head);

        Assert.Equal(2, status);
        Assert.Contains("#/paths/~1x/get/responses/200/content/application~1json/schema", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_or_option_shape_exits_2_with_usage()
    {
        Assert.Equal(2, (await RunAsync("frobnicate")).Status);
        var (status, _, error) = await RunAsync("diff", "--spec");

        Assert.Equal(2, status);
        Assert.Contains("usage: contract-check", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_passes_on_the_contract()
    {
        var (status, output, error) = await RunAsync("lint", "--spec", RealSpec.Path);

        Assert.True(status == 0, error);
        Assert.Contains("Microsoft.OpenApi validation passed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_reports_an_invalid_spec_with_exit_1()
    {
        var head = Write("bad.yaml", "openapi: 3.1.0\ninfo: {title: t}\npaths: {}\n");

        var (status, _, error) = await RunAsync("lint", "--spec", head);

        Assert.Equal(1, status);
        Assert.Contains("lint:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_probe_without_a_key_says_it_skipped_and_exits_0()
    {
        var (status, output, _) = await RunAsync("probe");

        Assert.Equal(0, status);
        Assert.Contains("skipped: NEBIUS_API_KEY is not set", output, StringComparison.Ordinal);
    }
}
