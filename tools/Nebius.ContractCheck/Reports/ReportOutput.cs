namespace Nebius.ContractCheck.Reports;

/// <summary>Where a command's report goes: the files <c>--markdown</c> and <c>--json</c> name, and stdout in the <c>--format</c> asked for.</summary>
internal static class ReportOutput
{
    public static void Write(CheckSettings settings, string markdown, string json, TextWriter stdout)
    {
        if (settings.MarkdownPath is not null)
        {
            File.WriteAllText(settings.MarkdownPath, markdown);
        }

        if (settings.JsonPath is not null)
        {
            File.WriteAllText(settings.JsonPath, json);
        }

        stdout.Write(settings.Format == "json" ? json : markdown);
    }
}
