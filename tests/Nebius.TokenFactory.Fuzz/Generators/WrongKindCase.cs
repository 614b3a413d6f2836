using Nebius.TokenFactory.Fuzz.Json;

namespace Nebius.TokenFactory.Fuzz.Generators;

/// <summary>A success answer in which one known scalar property holds a value its type cannot: where to look, and what was sent.</summary>
/// <param name="Case">The call and the answer.</param>
/// <param name="Target">The replaced value's slot in the original example.</param>
/// <param name="Raw">The raw JSON sent in its place.</param>
internal sealed record WrongKindCase(FuzzCase Case, JsonSlot Target, string Raw)
{
    public override string ToString() => $"{Raw} at {Target.PathText}: {Case.Repro}";
}
