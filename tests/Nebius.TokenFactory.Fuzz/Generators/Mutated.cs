namespace Nebius.TokenFactory.Fuzz.Generators;

/// <summary>A body after one mutation, with what was done to it in words a repro can use.</summary>
/// <param name="Description">The mutation, e.g. <c>byte 57 flipped 0x22→0x23</c>.</param>
/// <param name="Body">The mutated bytes.</param>
internal sealed record Mutated(string Description, byte[] Body);
