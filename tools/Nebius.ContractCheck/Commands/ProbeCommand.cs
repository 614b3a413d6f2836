namespace Nebius.ContractCheck.Commands;

/// <summary>The live probe: read-only calls against the real API, each response validated against the spec.</summary>
internal static class ProbeCommand
{
    public static async Task<int> RunAsync(CheckSettings settings, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrEmpty(settings.Environment("NEBIUS_API_KEY")))
        {
            await stdout.WriteLineAsync("probe: skipped: NEBIUS_API_KEY is not set").ConfigureAwait(false);
            return ContractCheckApp.Ok;
        }

        await stderr.WriteLineAsync("probe: the live probe is not part of this build yet").ConfigureAwait(false);
        return ContractCheckApp.Usage;
    }
}
