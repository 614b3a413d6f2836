using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nebius.CodeGen.Spec;
using Nebius.ContractCheck.Reports;
using Nebius.ContractCheck.Upstream;

namespace Nebius.ContractCheck.Commands;

/// <summary>
/// <c>upstream [--source URL|PATH] [--markdown F] [--json F] [--acknowledged PATH] [--connect-timeout S]</c>:
/// compares our contract with the API's own OpenAPI document (<see cref="UpstreamComparison"/>). Exit 0 when every
/// difference is acknowledged, 1 when one is not, 2 for a usage error or a document that cannot be read, 3 when
/// the source cannot be reached.
/// </summary>
internal static class UpstreamCommand
{
    public const string DefaultAcknowledged = "openapi/acknowledged-upstream-differences.txt";

    public static async Task<int> RunAsync(CheckSettings settings, Options options, TextWriter stdout, TextWriter stderr, HttpMessageHandler? handler)
    {
        var source = options.Get("source", UpstreamSource.DefaultUrl);
        var connectTimeout = TimeSpan.FromSeconds(Seconds(options.Get("connect-timeout", "10")));
        var acknowledgedPath = options.Get("acknowledged") is null ? Path.Combine(settings.RepositoryRoot, DefaultAcknowledged) : settings.AcknowledgedPath;

        string text;
        var ownedHandler = handler is null ? UpstreamSource.DefaultHandler(connectTimeout) : null;
        try
        {
            var reader = new UpstreamSource(handler ?? ownedHandler!, settings.Environment("NEBIUS_API_KEY"), TimeSpan.FromSeconds(60));
            text = await reader.ReadAsync(source, settings.RepositoryRoot, CancellationToken.None).ConfigureAwait(false);
        }
        catch (UpstreamUnreachableException ex)
        {
            await stderr.WriteLineAsync($"upstream: unreachable: {ex.Message}").ConfigureAwait(false);
            return ContractCheckApp.Unreachable;
        }
        finally
        {
            ownedHandler?.Dispose();
        }

        JsonObject upstream;
        try
        {
            upstream = JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"{source} is not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{source} is not JSON: {ex.Message}", ex);
        }

        var ours = SpecLoader.Load(await File.ReadAllTextAsync(settings.SpecPath).ConfigureAwait(false)).Root;
        var acknowledgements = File.Exists(acknowledgedPath) ? await File.ReadAllLinesAsync(acknowledgedPath).ConfigureAwait(false) : [];
        var result = UpstreamComparison.Compare(upstream, ours, acknowledgements);

        var ourLabel = Path.GetRelativePath(settings.RepositoryRoot, settings.SpecPath);
        ReportOutput.Write(settings, UpstreamReport.Markdown(result, source, ourLabel), UpstreamReport.Json(result, source, ourLabel), stdout);
        var open = result.Open.Count();
        if (open > 0)
        {
            await stderr.WriteLineAsync($"upstream: {open} difference(s) from the API's own document not acknowledged").ConfigureAwait(false);
            return ContractCheckApp.Findings;
        }

        return ContractCheckApp.Ok;
    }

    private static double Seconds(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : throw new ArgumentException($"--connect-timeout must be a positive number of seconds, not '{value}'", nameof(value));
}
