namespace Nebius.ReferenceClient.Tests;

/// <summary>
/// The one written rule that maps a stock Kiota C# name to the name our generator gives the same thing. The
/// surface test applies it to every name that comes from the spec in a stock surface line: each namespace
/// segment and type name of a qualified name (<c>V1.Fine_tuning.Jobs.JobsRequestBuilder</c>, an inline type
/// such as <c>Batch_errors</c>), each member name (a navigation property, an executor, a query parameter),
/// and enum member (not an indexer parameter: that is a wire name). Kiota's fixed names (<c>body</c>, <c>requestConfiguration</c>,
/// runtime types) are never passed in, and the dom export's spelling quirks (a lower-case first letter) are
/// already undone. The deviations file (KiotaDeviations.txt) is written in our names.
/// </summary>
/// <remarks>
/// Our generator PascalCases across underscores where Kiota keeps them (issue #19: <c>Fine_tuning</c> →
/// <c>FineTuning</c>, <c>Batch_errors</c> → <c>BatchErrors</c>, <c>WithBatch_ItemRequestBuilder</c> →
/// <c>WithBatchItemRequestBuilder</c>). Indexer parameters are wire names (<c>batch_id</c>) and never reach this rule.
/// </remarks>
internal static class KiotaNaming
{
    public static string OursFor(string stockName)
    {
        if (!stockName.Contains('_', StringComparison.Ordinal))
        {
            return stockName;
        }

        return string.Concat(stockName.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
    }
}
