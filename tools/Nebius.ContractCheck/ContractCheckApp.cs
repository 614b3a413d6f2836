using Nebius.CodeGen.Spec;
using Nebius.ContractCheck.Commands;

namespace Nebius.ContractCheck;

/// <summary>
/// <c>lint</c>: Microsoft.OpenApi validation and the pinned Redocly CLI. <c>diff</c>: the semantic diff against
/// a base ref, Markdown and JSON. <c>check</c>: both, as CI runs them. <c>probe</c>: the live probe (needs
/// NEBIUS_API_KEY, otherwise skipped). <c>record</c>: WireMock.Net recordings of the probe's read-only calls.
/// <c>upstream</c>: our contract against the API's own OpenAPI document.
/// Exit codes: 0 fine, 1 a finding (lint error, unacknowledged breaking change, drift), 2 bad usage or an
/// unreadable spec, 3 (upstream only) the source cannot be reached.
/// </summary>
internal static class ContractCheckApp
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int Usage = 2;
    public const int Unreachable = 3;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Func<string, string?>? environment = null, HttpMessageHandler? upstreamHandler = null)
    {
        try
        {
            var options = Options.Parse(args);
            var settings = CheckSettings.From(options, environment ?? Environment.GetEnvironmentVariable);
            return options.Command switch
            {
                "lint" => LintCommand.Run(settings, stdout, stderr),
                "diff" => DiffCommand.Run(settings, stdout, stderr),
                "check" => Worst(LintCommand.Run(settings, stdout, stderr), DiffCommand.Run(settings, stdout, stderr)),
                "nswag-spec" => NSwagSpecCommand.Run(settings, options.Get("out") ?? throw new ArgumentException("nswag-spec needs --out PATH", nameof(args)), stdout),
                "nswag-fixup" => NSwagSpecCommand.FixUp(options.Get("file") ?? throw new ArgumentException("nswag-fixup needs --file PATH", nameof(args)), stdout),
                "probe" => await ProbeCommand.RunAsync(settings, options, stdout, stderr).ConfigureAwait(false),
                "record" => await RecordCommand.RunAsync(settings, options, stdout, stderr).ConfigureAwait(false),
                "upstream" => await UpstreamCommand.RunAsync(settings, options, stdout, stderr, upstreamHandler).ConfigureAwait(false),
                _ => throw new ArgumentException($"unknown command '{options.Command}'", nameof(args)),
            };
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync($"contract-check: {ex.Message}").ConfigureAwait(false);
            await stderr.WriteLineAsync("usage: contract-check lint|diff|check|probe|record|upstream [--spec PATH] [--base REF] [--base-file PATH] [--acknowledged PATH] [--markdown PATH] [--json PATH] [--format markdown|json] [--source URL|PATH] [--target URL|fake] [--out DIR]").ConfigureAwait(false);
            return Usage;
        }
        catch (Exception ex) when (ex is SpecValidationException or SpecYamlException or InvalidOperationException or IOException)
        {
            await stderr.WriteLineAsync($"contract-check: {Describe(ex)}").ConfigureAwait(false);
            return Usage;
        }
    }

    private static int Worst(int first, int second) => Math.Max(first, second);

    private static string Describe(Exception ex) => ex switch
    {
        SpecValidationException invalid => $"{ex.Message}\n" + string.Join("\n", invalid.Diagnostics.Select(d => $"  {d.Pointer}: {d.Message}")),
        _ => ex.Message,
    };
}
