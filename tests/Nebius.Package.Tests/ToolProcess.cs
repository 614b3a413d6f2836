using System.Diagnostics;

namespace Nebius.Package.Tests;

/// <summary>Runs the installed <c>nebius</c> tool without a key (so only the offline paths can run) and captures both streams.</summary>
internal static class ToolProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "NEBIUS_API_KEY", "NEBIUS_FAKE", "NEBIUS_BASE_URL" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cancellation.Token);
        return (process.ExitCode, await output + await errors);
    }
}
