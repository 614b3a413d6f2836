using Nebius.ContractCheck.Diff;
using Nebius.ContractCheck.Reports;
using Nebius.ContractCheck.Spec;

namespace Nebius.ContractCheck.Commands;

/// <summary>Diffs the spec against a base (a git ref or a file), writes the reports, fails on unacknowledged breaking changes.</summary>
internal static class DiffCommand
{
    public static int Run(CheckSettings settings, TextWriter stdout, TextWriter stderr)
    {
        string baseText;
        string baseLabel;
        if (settings.BaseFile is not null)
        {
            baseText = File.ReadAllText(settings.BaseFile);
            baseLabel = Path.GetRelativePath(settings.RepositoryRoot, settings.BaseFile);
        }
        else
        {
            var git = new GitSpecSource(settings.RepositoryRoot);
            var baseRef = settings.BaseRef ?? git.DefaultBase(settings.SpecPath);
            baseText = git.Read(baseRef, settings.SpecPath);
            baseLabel = $"{baseRef} ({git.Resolve(baseRef)})";
        }

        var result = SpecDiff.Compare(OpenApiModel.Load(baseText), OpenApiModel.Load(File.ReadAllText(settings.SpecPath)));
        var acknowledgements = File.Exists(settings.AcknowledgedPath) ? File.ReadAllLines(settings.AcknowledgedPath) : [];
        var acknowledgedBy = Acknowledgements.Apply(result, acknowledgements);
        var context = new DiffContext(baseLabel, Path.GetRelativePath(settings.RepositoryRoot, settings.SpecPath) + " (working tree)", acknowledgedBy);

        var markdown = DiffReport.Markdown(result, context);
        var json = DiffReport.Json(result, context);
        ReportOutput.Write(settings, markdown, json, stdout);
        var open = result.UnacknowledgedBreaking.Count();
        if (open > 0)
        {
            stderr.WriteLine($"contract-check: {open} breaking change(s) not acknowledged");
            return ContractCheckApp.Findings;
        }

        return ContractCheckApp.Ok;
    }
}
