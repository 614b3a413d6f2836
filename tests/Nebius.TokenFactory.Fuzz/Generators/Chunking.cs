using FsCheck;
using FsCheck.Fluent;

namespace Nebius.TokenFactory.Fuzz.Generators;

/// <summary>
/// How a body is cut into writes (each flushed): one write, one cut anywhere, one cut inside a UTF-8 multi-byte
/// character, or up to <see cref="MaxWrites"/> cuts at random offsets.
/// </summary>
internal static class Chunking
{
    /// <summary>Enough pieces to cross every kind of boundary, few enough that a 10 KB body is not 10,000 flushes.</summary>
    public const int MaxWrites = 48;

    private static readonly int[] OneByte = [1];

    /// <summary>Write sizes that add up to <c>body.Length</c>.</summary>
    public static Gen<int[]> Of(byte[] body) => body.Length switch
    {
        0 => Gen.Constant(Array.Empty<int>()),
        1 => Gen.Constant(OneByte),
        _ => Gen.Frequency(
            (2, Gen.Constant(new[] { body.Length })),
            (3, SplitOnce(body)),
            (1, SplitInsideCharacter(body)),
            (4, Random(body.Length))),
    };

    /// <summary>Two writes, cut at any offset.</summary>
    public static Gen<int[]> SplitOnce(byte[] body) =>
        Gen.Choose(1, body.Length - 1).Select(cut => FromCuts(body.Length, [cut]));

    /// <summary>Several writes (at least two), cut at random offsets.</summary>
    public static Gen<int[]> Random(int length) =>
        from writes in Gen.Choose(2, Math.Min(length, MaxWrites))
        from cuts in Gen.ArrayOf(Gen.Choose(1, length - 1), writes - 1)
        select FromCuts(length, cuts);

    /// <summary>Two writes cut before a UTF-8 continuation byte, so a character arrives in halves; any cut when there is none.</summary>
    public static Gen<int[]> SplitInsideCharacter(byte[] body)
    {
        var inside = Enumerable.Range(1, body.Length - 1).Where(i => (body[i] & 0xC0) == 0x80).ToArray();
        return inside.Length == 0 ? SplitOnce(body) : Gen.Elements(inside).Select(cut => FromCuts(body.Length, [cut]));
    }

    /// <summary>The write sizes for cuts at the given offsets (duplicates and offsets outside the body ignored).</summary>
    public static int[] FromCuts(int length, IEnumerable<int> cuts)
    {
        var sizes = new List<int>();
        var previous = 0;
        foreach (var cut in cuts.Where(c => c > 0 && c < length).Distinct().Order())
        {
            sizes.Add(cut - previous);
            previous = cut;
        }

        sizes.Add(length - previous);
        return [.. sizes];
    }
}
