using System.Globalization;

namespace Nebius.TokenFactory.Fuzz.Runner;

/// <summary>The runner's command line: <c>[--cases N] [--seed S] [--parallel P] [--case I]</c>.</summary>
/// <param name="Cases">How many cases (HTTP calls) to run.</param>
/// <param name="Seed">The seed every case is derived from; the same seed gives the same cases.</param>
/// <param name="Parallel">How many server-and-client pairs run cases at once.</param>
/// <param name="Only">Run just this case number (to reproduce one from a report), printing how it ended.</param>
internal sealed record RunnerOptions(int Cases, ulong Seed, int Parallel, int? Only)
{
    /// <summary>The seed CI runs with (.ci/run passes it explicitly too).</summary>
    public const ulong DefaultSeed = 20261203;

    public const string Usage = "usage: Nebius.TokenFactory.Fuzz [--cases N] [--seed S] [--parallel P] [--case I]";

    /// <summary>The options, or null (after printing the usage) when the arguments are not understood.</summary>
    public static RunnerOptions? Parse(string[] args)
    {
        var options = new RunnerOptions(10_000, DefaultSeed, Math.Max(1, Environment.ProcessorCount), null);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            RunnerOptions? next = (args[i], value) switch
            {
                ("--cases", { } v) when int.TryParse(v, CultureInfo.InvariantCulture, out var n) && n > 0 => options with { Cases = n },
                ("--seed", { } v) when ulong.TryParse(v, CultureInfo.InvariantCulture, out var s) => options with { Seed = s },
                ("--parallel", { } v) when int.TryParse(v, CultureInfo.InvariantCulture, out var p) && p > 0 => options with { Parallel = p },
                ("--case", { } v) when int.TryParse(v, CultureInfo.InvariantCulture, out var c) && c >= 0 => options with { Only = c },
                _ => null,
            };
            if (next is null)
            {
                Console.Error.WriteLine(Usage);
                return null;
            }

            options = next;
            i++;
        }

        return options;
    }
}
