namespace Nebius.ContractCheck.Diff;

/// <summary>
/// Collects changes by <see cref="Change.Id"/>: a schema reached from many operations, or in both directions,
/// is reported once, with every operation that uses it and the worse of its severities.
/// </summary>
internal sealed class ChangeSet
{
    private readonly Dictionary<string, Change> _changes = new(StringComparer.Ordinal);

    public void Add(Change change)
    {
        if (_changes.TryGetValue(change.Id, out var existing))
        {
            existing.Merge(change);
        }
        else
        {
            _changes.Add(change.Id, change);
        }
    }

    /// <summary>Breaking first, then by location and kind, so reports are stable and the important part is on top.</summary>
    public IReadOnlyList<Change> Ordered() =>
        [.. _changes.Values
            .OrderByDescending(c => c.Severity)
            .ThenBy(c => c.Location, StringComparer.Ordinal)
            .ThenBy(c => c.Kind, StringComparer.Ordinal)];
}
