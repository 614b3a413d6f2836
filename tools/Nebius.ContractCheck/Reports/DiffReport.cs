using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nebius.ContractCheck.Diff;
using static Nebius.ContractCheck.Reports.ReportCells;

namespace Nebius.ContractCheck.Reports;

/// <summary>What was compared with what, for the report's header.</summary>
internal sealed record DiffContext(string BaseLabel, string HeadLabel, string? AcknowledgedBy);

/// <summary>Writes a diff as Markdown (for people and CI logs) or JSON (for tools).</summary>
internal static class DiffReport
{
    public static string Markdown(DiffResult result, DiffContext context)
    {
        var text = new StringBuilder();
        var breaking = result.Breaking.Count();
        var open = result.UnacknowledgedBreaking.Count();
        var compatible = result.Changes.Count - breaking;
        text.AppendLine("# OpenAPI drift report").AppendLine();
        text.AppendLine($"- base: {context.BaseLabel} (info.version {result.BaseVersion})");
        text.AppendLine($"- head: {context.HeadLabel} (info.version {result.HeadVersion})");
        text.AppendLine($"- {breaking} breaking ({open} not acknowledged), {compatible} compatible");
        if (context.AcknowledgedBy is not null)
        {
            text.AppendLine($"- acknowledged by: {context.AcknowledgedBy}");
        }

        Section(text, "Breaking changes", result.Breaking.ToList(), withAcknowledgement: true);
        Section(text, "Compatible changes", result.Changes.Where(c => c.Severity == Severity.Compatible).ToList(), withAcknowledgement: false);
        if (open > 0)
        {
            text.AppendLine().AppendLine("To accept these, raise `info.version` or list each id in the acknowledgement file (see openapi/README.md).");
        }

        return text.ToString();
    }

    public static string Json(DiffResult result, DiffContext context)
    {
        var changes = new JsonArray();
        foreach (var change in result.Changes)
        {
            changes.Add(new JsonObject
            {
                ["id"] = change.Id,
                ["kind"] = change.Kind,
                ["location"] = change.Location,
                ["severity"] = change.Severity == Severity.Breaking ? "breaking" : "compatible",
                ["direction"] = DirectionName(change.Direction),
                ["message"] = change.Message,
                ["acknowledged"] = change.Acknowledged,
                ["usedBy"] = new JsonArray([.. change.UsedBy.Select(u => (JsonNode)u)]),
            });
        }

        var root = new JsonObject
        {
            ["base"] = new JsonObject { ["ref"] = context.BaseLabel, ["version"] = result.BaseVersion },
            ["head"] = new JsonObject { ["ref"] = context.HeadLabel, ["version"] = result.HeadVersion },
            ["acknowledgedBy"] = context.AcknowledgedBy,
            ["summary"] = new JsonObject
            {
                ["breaking"] = result.Breaking.Count(),
                ["unacknowledgedBreaking"] = result.UnacknowledgedBreaking.Count(),
                ["compatible"] = result.Changes.Count(c => c.Severity == Severity.Compatible),
            },
            ["changes"] = changes,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static void Section(StringBuilder text, string title, List<Change> changes, bool withAcknowledgement)
    {
        text.AppendLine().AppendLine($"## {title} ({changes.Count})").AppendLine();
        if (changes.Count == 0)
        {
            text.AppendLine("None.");
            return;
        }

        text.AppendLine(withAcknowledgement ? "| id | what | in | used by | acknowledged |" : "| id | what | in | used by |");
        text.AppendLine(withAcknowledgement ? "| --- | --- | --- | --- | --- |" : "| --- | --- | --- | --- |");
        foreach (var change in changes)
        {
            var row = $"| `{Cell(change.Id)}` | {Cell(change.Message)} | {DirectionName(change.Direction)} | {Cell(UsedBy(change.UsedBy))} |";
            text.AppendLine(withAcknowledgement ? $"{row} {(change.Acknowledged ? "yes" : "**no**")} |" : row);
        }
    }

    private static string DirectionName(Direction direction) => direction switch
    {
        Direction.Request => "request",
        Direction.Response => "response",
        Direction.Request | Direction.Response => "request+response",
        _ => "operation",
    };
}
