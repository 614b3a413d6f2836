using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nebius.ContractCheck.Upstream;
using static Nebius.ContractCheck.Reports.ReportCells;

namespace Nebius.ContractCheck.Reports;

/// <summary>Writes the upstream comparison as Markdown (people, CI logs) or JSON (tools).</summary>
internal static class UpstreamReport
{
    public static string Markdown(UpstreamResult result, string upstreamLabel, string ourLabel)
    {
        var text = new StringBuilder();
        var open = result.Open.Count();
        text.AppendLine("# Upstream drift report").AppendLine();
        text.AppendLine($"- upstream: {upstreamLabel} (info.version {result.UpstreamVersion})");
        text.AppendLine($"- ours: {ourLabel} (info.version {result.OurVersion})");
        text.AppendLine($"- {result.Differences.Count} difference(s), {open} not acknowledged");
        text.AppendLine("- messages read from the API's document to ours: \"removed\" is only upstream, \"added\" only here");
        Section(text, "Operations upstream that we lack", result.Differences.Where(d => d.Scope == UpstreamScope.OnlyUpstream).ToList());
        Section(text, "Operations we have that upstream lacks", result.Differences.Where(d => d.Scope == UpstreamScope.OnlyHere).ToList());
        Section(text, "Differences in shared operations", result.Differences.Where(d => d.Scope == UpstreamScope.Shared).ToList());
        if (result.StaleAcknowledgements.Count > 0)
        {
            text.AppendLine().AppendLine($"## Acknowledged but no longer different ({result.StaleAcknowledgements.Count})").AppendLine();
            foreach (var id in result.StaleAcknowledgements)
            {
                text.AppendLine($"- `{id}`");
            }
        }

        if (open > 0)
        {
            text.AppendLine().AppendLine("Change the spec to match, or list each id with its reason in openapi/acknowledged-upstream-differences.txt (see openapi/README.md).");
        }

        return text.ToString();
    }

    public static string Json(UpstreamResult result, string upstreamLabel, string ourLabel)
    {
        var differences = new JsonArray();
        foreach (var difference in result.Differences)
        {
            differences.Add(new JsonObject
            {
                ["id"] = difference.Id,
                ["kind"] = difference.Kind,
                ["location"] = difference.Location,
                ["scope"] = difference.Scope switch { UpstreamScope.OnlyUpstream => "only-upstream", UpstreamScope.OnlyHere => "only-here", _ => "shared" },
                ["message"] = difference.Message,
                ["acknowledged"] = difference.Acknowledged,
                ["reason"] = difference.AcknowledgedBecause,
                ["usedBy"] = new JsonArray([.. difference.UsedBy.Select(u => (JsonNode)u)]),
            });
        }

        var root = new JsonObject
        {
            ["upstream"] = new JsonObject { ["source"] = upstreamLabel, ["version"] = result.UpstreamVersion },
            ["ours"] = new JsonObject { ["source"] = ourLabel, ["version"] = result.OurVersion },
            ["summary"] = new JsonObject { ["differences"] = result.Differences.Count, ["unacknowledged"] = result.Open.Count() },
            ["differences"] = differences,
            ["staleAcknowledgements"] = new JsonArray([.. result.StaleAcknowledgements.Select(s => (JsonNode)s)]),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static void Section(StringBuilder text, string title, List<UpstreamDifference> differences)
    {
        text.AppendLine().AppendLine($"## {title} ({differences.Count})").AppendLine();
        if (differences.Count == 0)
        {
            text.AppendLine("None.");
            return;
        }

        text.AppendLine("| id | what | used by | acknowledged |");
        text.AppendLine("| --- | --- | --- | --- |");
        foreach (var difference in differences)
        {
            var acknowledged = difference.AcknowledgedBecause is { } reason ? "yes: " + Cell(reason) : "**no**";
            text.AppendLine($"| `{Cell(difference.Id)}` | {Cell(difference.Message)} | {Cell(UsedBy(difference.UsedBy))} | {acknowledged} |");
        }
    }
}
