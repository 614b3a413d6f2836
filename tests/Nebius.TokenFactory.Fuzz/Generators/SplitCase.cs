namespace Nebius.TokenFactory.Fuzz.Generators;

/// <summary>The same valid answer twice: in one write, and cut into several.</summary>
/// <param name="Whole">The answer in one write.</param>
/// <param name="Split">The same bytes in the generated writes.</param>
internal sealed record SplitCase(FuzzCase Whole, FuzzCase Split)
{
    public override string ToString() => $"writes {string.Join("+", Split.Answer.Chunks)}: {Split.Repro}";
}
