namespace Nebius.ContractCheck.Reports;

/// <summary>Markdown table cells shared by the drift reports.</summary>
internal static class ReportCells
{
    /// <summary>The operations that use a change, the first three named and the rest counted.</summary>
    public static string UsedBy(IReadOnlyCollection<string> operations) =>
        operations.Count <= 3
            ? string.Join(", ", operations)
            : $"{string.Join(", ", operations.Take(3))} and {operations.Count - 3} more";

    /// <summary>Text that cannot break the table: pipes escaped, line breaks flattened.</summary>
    public static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
