using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Nebius.TokenFactory.Models;

/// <summary>Reads an embedding as a plain <c>float[]</c>, whichever encoding the server used.</summary>
public partial class Embedding
{
    /// <summary>
    /// The vector as floats: copied from the JSON numbers, or decoded from base64 (little-endian float32,
    /// what <c>encoding_format: base64</c> returns).
    /// </summary>
    /// <exception cref="InvalidOperationException">The embedding holds neither numbers nor valid base64.</exception>
    public float[] ToVector()
    {
        if (EmbeddingProp?.FloatValues is { } numbers)
        {
            var vector = new float[numbers.Count];
            for (var i = 0; i < vector.Length; i++)
            {
                vector[i] = numbers[i] ?? float.NaN;
            }

            return vector;
        }

        if (EmbeddingProp?.String is { } base64)
        {
            return Decode(base64);
        }

        throw new InvalidOperationException("The embedding carries no vector.");
    }

    /// <summary>
    /// Decodes base64 of little-endian float32 straight into the vector's memory (no intermediate byte array:
    /// 6 KiB less per 1,536-float embedding). Anything unusual (whitespace, bad length or characters) takes
    /// the plain decoder, with its checks and errors.
    /// </summary>
    private static float[] Decode(string base64)
    {
        var padding = base64.EndsWith("==", StringComparison.Ordinal) ? 2 : base64.EndsWith('=') ? 1 : 0;
        var length = base64.Length / 4 * 3 - padding;
        if (base64.Length % 4 == 0 && length % sizeof(float) == 0)
        {
            var vector = new float[length / sizeof(float)];
            if (Convert.TryFromBase64String(base64, MemoryMarshal.AsBytes(vector.AsSpan()), out var written) && written == length)
            {
                if (!BitConverter.IsLittleEndian)
                {
                    var words = MemoryMarshal.Cast<float, int>(vector.AsSpan());
                    BinaryPrimitives.ReverseEndianness(words, words);
                }

                return vector;
            }
        }

        return FromBytes(Convert.FromBase64String(base64));
    }

    private static float[] FromBytes(byte[] bytes)
    {
        if (bytes.Length % sizeof(float) != 0)
        {
            throw new InvalidOperationException($"The base64 embedding has {bytes.Length} bytes, not a whole number of float32 values.");
        }

        var vector = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        }

        return vector;
    }
}
