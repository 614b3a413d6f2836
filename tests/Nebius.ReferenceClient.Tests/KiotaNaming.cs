namespace Nebius.ReferenceClient.Tests;

/// <summary>
/// The one written rule that maps a stock Kiota C# name to the name our generator gives the same thing. The
/// surface test applies it to every name that comes from the spec in a stock surface line: each namespace
/// segment and type name of a qualified name (<c>V1.Fine_tuning.Jobs.JobsRequestBuilder</c>, an inline type
/// such as <c>Batch_errors</c>), each member name (a navigation property, an executor, a query parameter),
/// each indexer parameter and enum member. Kiota's fixed names (<c>body</c>, <c>requestConfiguration</c>,
/// runtime types) are never passed in, and the dom export's spelling quirks (a lower-case first letter) are
/// already undone. The deviations file (KiotaDeviations.txt) is written in our names.
/// </summary>
/// <remarks>
/// Today our generator keeps Kiota's names, so the rule is the identity. When our naming changes (issue #19
/// PascalCases path segments and inline type names: <c>Fine_tuning</c> → <c>FineTuning</c>,
/// <c>Batch_errors</c> → <c>BatchErrors</c>), this function and the deviations file are the only things to change.
/// </remarks>
internal static class KiotaNaming
{
    public static string OursFor(string stockName) => stockName;
}
