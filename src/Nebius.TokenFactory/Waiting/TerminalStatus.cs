namespace Nebius.TokenFactory.Waiting;

/// <summary>The two steps behind every generated <c>NebiusTerminalStates.IsTerminal</c>: building a state set and testing a status against it.</summary>
internal static class TerminalStatus
{
    /// <summary>A set of states compared case-insensitively (the API has answered <c>DONE</c> as well as <c>done</c>).</summary>
    public static IReadOnlySet<string> Set(params string[] states) =>
        states.ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="status"/> is in <paramref name="states"/>; a missing status is not terminal.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="resource"/> is null.</exception>
    public static bool Reached(IReadOnlySet<string> states, object? resource, string? status)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return status is not null && states.Contains(status);
    }
}
