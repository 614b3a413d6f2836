using System.Buffers.Binary;

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
            var bytes = Convert.FromBase64String(base64);
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

        throw new InvalidOperationException("The embedding carries no vector.");
    }
}
