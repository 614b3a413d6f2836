namespace Nebius.ContractCheck.Upstream;

/// <summary>Where a difference sits: a whole operation on one side only, or a part of an operation both have.</summary>
internal enum UpstreamScope
{
    OnlyUpstream,
    OnlyHere,
    Shared,
}

/// <summary>
/// One way our contract differs from the API's own document. <see cref="Id"/> (<c>kind location</c>) is what the
/// acknowledgement file lists; <see cref="AcknowledgedBecause"/> is the reason given there, or the operation's
/// <c>x-nebius-evidence</c> for an operation only we describe.
/// </summary>
internal sealed record UpstreamDifference(string Kind, string Location, UpstreamScope Scope, string Message, IReadOnlyCollection<string> UsedBy)
{
    public string Id => $"{Kind} {Location}";

    public string? AcknowledgedBecause { get; set; }

    public bool Acknowledged => AcknowledgedBecause is not null;
}

/// <summary>The comparison's outcome, with the acknowledgement lines that matched nothing (stale, worth removing).</summary>
internal sealed record UpstreamResult(string? UpstreamVersion, string? OurVersion, IReadOnlyList<UpstreamDifference> Differences, IReadOnlyList<string> StaleAcknowledgements)
{
    public IEnumerable<UpstreamDifference> Open => Differences.Where(d => !d.Acknowledged);
}
