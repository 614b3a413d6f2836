using System.Text.RegularExpressions;

namespace Nebius.TokenFactory.Fuzz.Runner;

/// <summary>
/// The runner's output: one line <c>N cases, N typed, N untyped</c>; when some are untyped, the untyped outcomes
/// grouped by exception type (hangs as <c>hang</c>), each with its count, its distinct messages and the first case
/// that produced it, then the number of hangs.
/// </summary>
internal static partial class FuzzReport
{
    /// <summary>How many distinct messages are listed under one exception type.</summary>
    private const int MessagesPerType = 3;

    public static void Write(IReadOnlyList<CaseResult> results, TextWriter output)
    {
        var untyped = results.Where(r => !r.Outcome.IsTyped).ToList();
        output.WriteLine($"{results.Count} cases, {results.Count - untyped.Count} typed, {untyped.Count} untyped");
        if (untyped.Count == 0)
        {
            return;
        }

        output.WriteLine("untyped outcomes by type (count; per message: count, first case number and its case):");
        foreach (var type in untyped.GroupBy(r => r.Outcome.Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {type.Key} ×{type.Count()}");
            var messages = type.GroupBy(r => Shorten(r.Outcome.Error?.Message ?? "no end before the watchdog")).OrderByDescending(g => g.Count()).ToList();
            foreach (var message in messages.Take(MessagesPerType))
            {
                var first = message.First();
                output.WriteLine($"    ×{message.Count()} \"{message.Key}\"");
                output.WriteLine($"      e.g. case {first.Index}: {first.Case.Repro}");
            }

            if (messages.Count > MessagesPerType)
            {
                output.WriteLine($"    … and {messages.Count - MessagesPerType} other message(s)");
            }
        }

        output.WriteLine($"hangs: {untyped.Count(r => r.Outcome.Hung)}");
    }

    /// <summary>A message on one line, its numbers as N (offsets and line numbers vary per case), short enough to group by.</summary>
    private static string Shorten(string message)
    {
        var line = Numbers().Replace(message.ReplaceLineEndings(" "), "N");
        return line.Length <= 160 ? line : line[..160] + "…";
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();
}
