using Nebius.CodeGen.Spec;
using Nebius.ContractCheck.Recording;
using Nebius.TokenFactory;
using Nebius.TokenFactory.Testing;

namespace Nebius.ContractCheck.Commands;

/// <summary>
/// <c>record [--target URL|fake] [--out DIR]</c>: records the probe's read-only calls through WireMock.Net
/// (<see cref="ProxyRecorder"/>), writes one redacted mapping per call, then replays what it wrote
/// (<see cref="RecordingReplay"/>). Without <c>--target</c> it records the real API and needs <c>NEBIUS_API_KEY</c>
/// (otherwise it says it skipped); <c>--target fake</c> records the built-in fake into its own folder; any other
/// target (https, or http on loopback) needs <c>--out</c>. <c>NEBIUS_AI_PROJECT_ID</c> scopes the calls.
/// </summary>
internal static class RecordCommand
{
    /// <summary>Sent to the fake, and to another target when no key is set; it is redacted like a real one.</summary>
    private const string StandInKey = "no-key-recording";

    public static async Task<int> RunAsync(CheckSettings settings, Options options, TextWriter stdout, TextWriter stderr)
    {
        var apiKey = settings.Environment("NEBIUS_API_KEY");
        var projectId = settings.Environment("NEBIUS_AI_PROJECT_ID") is { } project && !string.IsNullOrWhiteSpace(project) ? project : null; // an empty variable means no project
        var target = options.Get("target");
        var outOption = options.Get("out");
        if (target is null && string.IsNullOrEmpty(apiKey))
        {
            await stdout.WriteLineAsync("record: skipped: NEBIUS_API_KEY is not set (--target fake records the built-in fake)").ConfigureAwait(false);
            return ContractCheckApp.Ok;
        }

        if (target is not null and not "fake" && outOption is null)
        {
            throw new ArgumentException("record --target URL needs --out DIR (openapi/recordings/ holds the real API's and the fake's recordings only)", nameof(options));
        }

        FakeTokenFactory? fake = null;
        try
        {
            Uri targetUrl;
            string source;
            string folder;
            if (target == "fake")
            {
                fake = await FakeTokenFactory.StartAsync().ConfigureAwait(false);
                (targetUrl, source, folder) = (fake.BaseUrl, "Recorded against the built-in fake (Nebius.TokenFactory.Testing), not the real API", RecordingFiles.FakeFolder);
            }
            else if (target is not null)
            {
                targetUrl = NebiusEndpoints.Normalize(Uri.TryCreate(target, UriKind.Absolute, out var url) ? url : null, "--target");
                (source, folder) = ($"Recorded against {targetUrl.GetLeftPart(UriPartial.Authority)}", outOption!);
            }
            else
            {
                (targetUrl, source, folder) = (NebiusEndpoints.Default, $"Recorded against the real API ({NebiusEndpoints.Default.Host})", RecordingFiles.LiveFolder);
            }

            var directory = Path.GetFullPath(outOption ?? folder, settings.RepositoryRoot);
            // The fake needs no real key, so it never gets one.
            var key = target == "fake" || string.IsNullOrEmpty(apiKey) ? StandInKey : apiKey;
            var recorder = new ProxyRecorder(targetUrl, key, projectId, source);
            var recorded = await recorder.RecordAsync(CancellationToken.None).ConfigureAwait(false);
            return await WriteAndReplayAsync(settings, recorded, directory, stdout, stderr).ConfigureAwait(false);
        }
        finally
        {
            if (fake is not null)
            {
                await fake.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<int> WriteAndReplayAsync(CheckSettings settings, IReadOnlyList<RecordedCall> recorded, string directory, TextWriter stdout, TextWriter stderr)
    {
        Directory.CreateDirectory(directory);
        var replay = new RecordingReplay(SpecLoader.Load(await File.ReadAllTextAsync(settings.SpecPath).ConfigureAwait(false)).Root);
        var problems = 0;
        foreach (var (call, mapping, error) in recorded)
        {
            if (mapping is null)
            {
                problems++;
                await stderr.WriteLineAsync($"record: {call.Name}: not recorded: {error}").ConfigureAwait(false);
                continue;
            }

            var file = Path.Combine(directory, RecordingFiles.FileName(call));
            await File.WriteAllTextAsync(file, mapping).ConfigureAwait(false);
            var findings = await replay.ReplayAsync(file, CancellationToken.None).ConfigureAwait(false);
            problems += findings.Count;
            await stdout.WriteLineAsync($"record: {call.Name}: {Path.GetRelativePath(settings.RepositoryRoot, file)}, replayed: {(findings.Count == 0 ? "parsed, matches the spec" : $"{findings.Count} finding(s)")}").ConfigureAwait(false);
            foreach (var finding in findings)
            {
                await stdout.WriteLineAsync($"record: drift: {finding.Call} {finding.Path}: {finding.Kind}: {finding.Message}").ConfigureAwait(false);
            }
        }

        await stdout.WriteLineAsync($"record: {recorded.Count(r => r.Mapping is not null)} of {recorded.Count} call(s) recorded, {problems} problem(s)").ConfigureAwait(false);
        return problems == 0 ? ContractCheckApp.Ok : ContractCheckApp.Findings;
    }
}
