namespace Nebius.ContractCheck.Diff;

/// <summary>
/// Decides which breaking changes a maintainer meant. A raised <c>info.version</c> acknowledges every
/// change of the diff (the release says "this breaks"); otherwise each breaking change must be listed by
/// its id (<c>kind location</c>, as printed in the report) in the acknowledgement file, one a line,
/// <c>#</c> starting a comment.
/// </summary>
internal static class Acknowledgements
{
    /// <summary>Marks acknowledged changes and says why, or returns null when nothing acknowledged them all.</summary>
    public static string? Apply(DiffResult result, IEnumerable<string> acknowledgementLines)
    {
        if (IsVersionBump(result.BaseVersion, result.HeadVersion))
        {
            foreach (var change in result.Changes)
            {
                change.Acknowledged = true;
            }

            return $"info.version raised from {result.BaseVersion} to {result.HeadVersion}";
        }

        var listed = Listed(acknowledgementLines);
        foreach (var change in result.Changes)
        {
            change.Acknowledged = listed.ContainsKey(change.Id);
        }

        return null;
    }

    /// <summary>The ids an acknowledgement file lists, each with the reason after its <c>#</c> (empty when none is given).</summary>
    public static Dictionary<string, string> Listed(IEnumerable<string> acknowledgementLines)
    {
        var listed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in acknowledgementLines)
        {
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var id = (hash >= 0 ? line[..hash] : line).Trim();
            if (id.Length > 0)
            {
                listed[id] = hash >= 0 ? line[(hash + 1)..].Trim() : string.Empty;
            }
        }

        return listed;
    }

    /// <summary>True when the head version is greater, comparing dot-separated parts numerically where both are numbers.</summary>
    public static bool IsVersionBump(string? baseVersion, string? headVersion)
    {
        if (string.IsNullOrWhiteSpace(baseVersion) || string.IsNullOrWhiteSpace(headVersion))
        {
            return false;
        }

        var baseParts = baseVersion.Split('.', '-', '+');
        var headParts = headVersion.Split('.', '-', '+');
        for (var i = 0; i < Math.Max(baseParts.Length, headParts.Length); i++)
        {
            var b = i < baseParts.Length ? baseParts[i] : "0";
            var h = i < headParts.Length ? headParts[i] : "0";
            var order = long.TryParse(b, out var bn) && long.TryParse(h, out var hn)
                ? hn.CompareTo(bn)
                : string.CompareOrdinal(h, b);
            if (order != 0)
            {
                return order > 0;
            }
        }

        return false;
    }
}
