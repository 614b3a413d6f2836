using Nebius.CodeGen.Spec;
using Nebius.ContractCheck.Probe;

namespace Nebius.ContractCheck.Commands;

/// <summary>
/// The live probe (<see cref="LiveProbe"/>). Runs only with <c>NEBIUS_API_KEY</c>; without it, it says it
/// skipped and exits 0. <c>--base-url</c> points it elsewhere (tests use a loopback server), <c>--model</c>
/// picks the chat model (default: an instruct model from the models list).
/// </summary>
internal static class ProbeCommand
{
    public const string DefaultBaseUrl = "https://api.tokenfactory.nebius.com";

    public static async Task<int> RunAsync(CheckSettings settings, Options options, TextWriter stdout, TextWriter stderr)
    {
        var apiKey = settings.Environment("NEBIUS_API_KEY");
        if (string.IsNullOrEmpty(apiKey))
        {
            await stdout.WriteLineAsync("probe: skipped: NEBIUS_API_KEY is not set").ConfigureAwait(false);
            return ContractCheckApp.Ok;
        }

        var baseUrl = new Uri(options.Get("base-url", DefaultBaseUrl));
        var spec = SpecLoader.Load(await File.ReadAllTextAsync(settings.SpecPath).ConfigureAwait(false)).Root;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var probe = new LiveProbe(spec, http, baseUrl, apiKey, options.Get("model"));
        List<DriftFinding> findings;
        try
        {
            findings = await probe.RunAsync(stdout, CancellationToken.None).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            await stderr.WriteLineAsync($"probe: the API could not be reached ({ex.Message})").ConfigureAwait(false);
            return ContractCheckApp.Findings;
        }

        foreach (var finding in findings)
        {
            await stdout.WriteLineAsync($"probe: drift: {finding.Call} {finding.Path}: {finding.Kind}: {finding.Message}").ConfigureAwait(false);
        }

        await stdout.WriteLineAsync($"probe: {findings.Count} drift finding(s)").ConfigureAwait(false);
        return findings.Count == 0 ? ContractCheckApp.Ok : ContractCheckApp.Findings;
    }
}
