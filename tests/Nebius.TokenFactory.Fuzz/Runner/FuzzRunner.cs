using Nebius.TokenFactory.Fuzz.Client;
using Nebius.TokenFactory.Fuzz.Generators;

namespace Nebius.TokenFactory.Fuzz.Runner;

/// <summary>
/// Runs the cases of a seed through <see cref="RunnerOptions.Parallel"/> harnesses. Case i is generated from the
/// seed and i alone, so the outcome list is the same however the cases are spread over the harnesses.
/// </summary>
internal static class FuzzRunner
{
    public static async Task<IReadOnlyList<CaseResult>> RunAsync(RunnerOptions options)
    {
        var indices = options.Only is { } only ? [only] : Enumerable.Range(0, options.Cases).ToArray();
        var results = new CaseResult[indices.Length];
        var next = -1;
        var workers = Enumerable.Range(0, Math.Min(options.Parallel, indices.Length)).Select(async _ =>
        {
            await using var harness = await FuzzHarness.StartAsync().ConfigureAwait(false);
            for (var slot = Interlocked.Increment(ref next); slot < indices.Length; slot = Interlocked.Increment(ref next))
            {
                var fuzzCase = FuzzCases.Sample(FuzzCases.Any, options.Seed, indices[slot]);
                results[slot] = new CaseResult(indices[slot], fuzzCase, await harness.RunAsync(fuzzCase).ConfigureAwait(false));
            }
        });
        await Task.WhenAll(workers).ConfigureAwait(false);
        return results;
    }
}
