using System.Diagnostics;
using Nebius.CodeGen.Spec;

namespace Nebius.ContractCheck.Commands;

/// <summary>
/// Lints the spec twice: Microsoft.OpenApi's validation (through the generator's loader, exactly as the
/// build reads it) and the pinned Redocly CLI from node_modules with the repository's ruleset.
/// </summary>
internal static class LintCommand
{
    public static int Run(CheckSettings settings, TextWriter stdout, TextWriter stderr)
    {
        var status = ContractCheckApp.Ok;
        try
        {
            SpecLoader.Load(File.ReadAllText(settings.SpecPath));
            stdout.WriteLine("lint: Microsoft.OpenApi validation passed");
        }
        catch (SpecValidationException ex)
        {
            foreach (var diagnostic in ex.Diagnostics)
            {
                stderr.WriteLine($"lint: {diagnostic.Pointer}: {diagnostic.Message}");
            }

            status = ContractCheckApp.Findings;
        }
        catch (SpecYamlException ex)
        {
            stderr.WriteLine($"lint: YAML: {ex.Message}");
            status = ContractCheckApp.Findings;
        }

        return Math.Max(status, RunRedocly(settings, stdout, stderr));
    }

    private static int RunRedocly(CheckSettings settings, TextWriter stdout, TextWriter stderr)
    {
        var redocly = Path.Combine(settings.RepositoryRoot, "node_modules", ".bin", "redocly");
        if (!File.Exists(redocly))
        {
            if (settings.InCi)
            {
                stderr.WriteLine("lint: Redocly CLI missing under CI (node_modules/.bin/redocly); run npm ci first");
                return ContractCheckApp.Findings;
            }

            stdout.WriteLine("lint: Redocly skipped: node_modules is absent (run npm ci)");
            return ContractCheckApp.Ok;
        }

        var start = new ProcessStartInfo(redocly)
        {
            WorkingDirectory = settings.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "lint", settings.SpecPath, "--config", Path.Combine(settings.RepositoryRoot, "redocly.yaml"), "--format=stylish" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("redocly could not be started");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        stdout.Write(output);
        stdout.Write(errors.Result);
        stdout.WriteLine(process.ExitCode == 0 ? "lint: Redocly passed" : "lint: Redocly found problems");
        return process.ExitCode == 0 ? ContractCheckApp.Ok : ContractCheckApp.Findings;
    }
}
