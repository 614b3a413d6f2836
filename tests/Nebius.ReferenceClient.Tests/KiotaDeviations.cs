using System.Runtime.CompilerServices;
using System.Text;
using Nebius.Testing;

namespace Nebius.ReferenceClient.Tests;

/// <summary>
/// The reviewed list of every difference between stock Kiota and ours (<c>KiotaDeviations.txt</c> beside this
/// file): one line per type, member, wire aspect or read JSON path, <c>key  # reason</c>, comments starting with
/// <c>#</c>. The observed differences must equal the listed keys: an unlisted one fails and so does a listed one
/// that matches nothing any more (stale), and every line needs a reason. On a mismatch the file as it should be
/// (reasons kept, new lines with a <c>TODO</c> reason and what was seen) is written beside it as
/// <c>KiotaDeviations.received.txt</c>, the repository's snapshot convention: <c>NEBIUS_ACCEPT_SNAPSHOTS=1</c>
/// accepts it (refused under <c>CI=true</c>), then each <c>TODO</c> is replaced by the reason.
/// </summary>
internal static class KiotaDeviations
{
    private const string Name = "KiotaDeviations";
    private const string ReasonSeparator = "  # ";

    public static string VerifiedPath([CallerFilePath] string callerFile = "") =>
        Path.Combine(Path.GetDirectoryName(RepositoryPaths.SourceFile(callerFile))!, Name + ".txt");

    /// <summary>The listed deviations, key → reason.</summary>
    public static SortedDictionary<string, string> Load(string path)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.Exists(path) ? File.ReadAllLines(path) : [])
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cut = line.IndexOf(ReasonSeparator, StringComparison.Ordinal);
            var (key, reason) = cut < 0 ? (line.TrimEnd(), "") : (line[..cut].TrimEnd(), line[(cut + ReasonSeparator.Length)..].Trim());
            entries[key] = reason;
        }

        return entries;
    }

    /// <summary>Fails unless the observed differences (key → what was seen) are exactly the listed ones, each with a reason.</summary>
    public static void Verify(IReadOnlyDictionary<string, string> observed, string verifiedPath)
    {
        var listed = Load(verifiedPath);
        var missing = observed.Keys.Where(k => !listed.ContainsKey(k)).ToList();
        var stale = listed.Keys.Where(k => !observed.ContainsKey(k)).ToList();
        var receivedPath = Path.ChangeExtension(verifiedPath, ".received.txt");
        if (missing.Count == 0 && stale.Count == 0)
        {
            File.Delete(receivedPath);
            var unexplained = listed.Where(e => e.Value.Length == 0 || e.Value.StartsWith("TODO", StringComparison.Ordinal)).Select(e => e.Key).ToList();
            if (unexplained.Count > 0)
            {
                throw new Xunit.Sdk.XunitException($"{unexplained.Count} line(s) of {Path.GetFileName(verifiedPath)} have no reason yet (write it after '{ReasonSeparator.Trim()}'):\n{string.Join('\n', unexplained)}");
            }

            return;
        }

        var expected = observed.ToDictionary(e => e.Key, e => listed.TryGetValue(e.Key, out var reason) ? reason : "TODO: " + e.Value, StringComparer.Ordinal);
        var text = Render(Header(verifiedPath), expected);
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (Environment.GetEnvironmentVariable("NEBIUS_ACCEPT_SNAPSHOTS") == "1" && !inCi)
        {
            File.WriteAllText(verifiedPath, text, new UTF8Encoding(false));
            File.Delete(receivedPath);
            throw new Xunit.Sdk.XunitException($"Accepted into {Path.GetFileName(verifiedPath)}: replace each TODO with the reason, then run again.");
        }

        File.WriteAllText(receivedPath, text, new UTF8Encoding(false));
        var message = new StringBuilder();
        if (missing.Count > 0)
        {
            message.Append(missing.Count).Append(" difference(s) from stock Kiota are not listed in ").Append(Path.GetFileName(verifiedPath))
                .AppendLine("; add these lines (with the reason in place of TODO):");
            foreach (var key in missing)
            {
                message.Append(key).Append(ReasonSeparator).Append("TODO: ").AppendLine(observed[key]);
            }
        }

        if (stale.Count > 0)
        {
            message.Append(stale.Count).AppendLine(" listed line(s) match no difference any more; remove them:");
            foreach (var key in stale)
            {
                message.AppendLine(key);
            }
        }

        message.Append("The whole file as it should be is in ").Append(Path.GetFileName(receivedPath))
            .Append(" (accept it with NEBIUS_ACCEPT_SNAPSHOTS=1, then give each TODO its reason).");
        throw new Xunit.Sdk.XunitException(message.ToString());
    }

    private static List<string> Header(string path) =>
        File.Exists(path) ? [.. File.ReadLines(path).TakeWhile(l => l.Length == 0 || l.StartsWith('#'))] : [];

    private static string Render(List<string> header, Dictionary<string, string> entries)
    {
        var text = new StringBuilder();
        foreach (var line in header)
        {
            text.Append(line).Append('\n');
        }

        foreach (var (key, reason) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append(ReasonSeparator).Append(reason).Append('\n');
        }

        return text.ToString();
    }
}
