using System.Text.Json.Nodes;
using Nebius.ContractCheck.Recording;
using Nebius.Testing;

namespace Nebius.ContractCheck.Tests;

/// <summary>
/// CI's replay of every mapping checked in under <c>openapi/recordings/</c>. The folder is never empty: until a
/// maintainer commits recordings of the real API (<c>live/</c>), it holds those made against the built-in fake
/// (<c>made-against-the-fake/</c>), which prove the workflow and say so in each file.
/// </summary>
public sealed class CheckedInRecordingTests
{
    private static string Folder(string relative) => Path.Combine(RepositoryPaths.Root, relative);

    public static TheoryData<string> Recordings()
    {
        var data = new TheoryData<string>();
        foreach (var file in RecordingFiles.Under(Folder(RecordingFiles.Root)))
        {
            data.Add(Path.GetRelativePath(RepositoryPaths.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public async Task Each_recording_replays_through_the_client_and_matches_the_spec(string file)
    {
        var findings = await new RecordingReplay(RealSpec.Json).ReplayAsync(Path.Combine(RepositoryPaths.Root, file), CancellationToken.None);

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void There_are_recordings_to_replay_and_each_says_truthfully_what_it_was_made_against()
    {
        var live = RecordingFiles.Under(Folder(RecordingFiles.LiveFolder));
        var fake = RecordingFiles.Under(Folder(RecordingFiles.FakeFolder));

        Assert.NotEmpty(live.Concat(fake));
        Assert.Equal(RecordingFiles.Under(Folder(RecordingFiles.Root)).Count, live.Count + fake.Count);
        Assert.All(fake, f => Assert.Contains("built-in fake", Description(f), StringComparison.Ordinal));
        Assert.All(live, f => Assert.Contains("the real API", Description(f), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_recording_whose_request_the_client_does_not_send_fails_the_replay()
    {
        // Guards the replay against passing whatever is recorded: a matcher the client's request misses is a 404.
        using var scratch = new TempDirectory();
        var mapping = JsonNode.Parse(await File.ReadAllTextAsync(Fake("GET_v1_models.json")))!;
        mapping["Request"]!["Headers"]![0]!["Matchers"]![0]!["Pattern"] = "Bearer some-other-key";
        var file = scratch.File("GET_v1_models.json");
        await File.WriteAllTextAsync(file, mapping.ToJsonString());

        var finding = Assert.Single(await new RecordingReplay(RealSpec.Json).ReplayAsync(file, CancellationToken.None));

        Assert.Equal(("$", "call-failed"), (finding.Path, finding.Kind));
        Assert.Contains("HTTP 404", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recorded_body_that_breaks_the_spec_fails_the_replay()
    {
        using var scratch = new TempDirectory();
        var mapping = JsonNode.Parse(await File.ReadAllTextAsync(Fake("GET_v1_models.json")))!;
        mapping["Response"]!["BodyAsJson"]!["data"]![0]!.AsObject().Remove("id");
        var file = scratch.File("GET_v1_models.json");
        await File.WriteAllTextAsync(file, mapping.ToJsonString());

        var findings = await new RecordingReplay(RealSpec.Json).ReplayAsync(file, CancellationToken.None);

        Assert.Contains(findings, f => f.Path == "$.data[0].id" && f.Kind == "required-field-missing");
    }

    private static string Fake(string name) => Path.Combine(Folder(RecordingFiles.FakeFolder), name);

    private static string Description(string file) => (string?)JsonNode.Parse(File.ReadAllText(file))!["Description"] ?? string.Empty;
}
