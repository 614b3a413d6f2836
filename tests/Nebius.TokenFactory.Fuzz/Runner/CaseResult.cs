using Nebius.TokenFactory.Fuzz.Client;

namespace Nebius.TokenFactory.Fuzz.Runner;

/// <summary>One case of a run and how its call ended.</summary>
/// <param name="Index">The case number (what <c>--case</c> takes).</param>
/// <param name="Case">The case.</param>
/// <param name="Outcome">How the call ended.</param>
internal sealed record CaseResult(int Index, FuzzCase Case, Outcome Outcome);
