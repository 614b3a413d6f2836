using System.Buffers;
using System.Text.Json;

namespace Nebius.TokenFactory.Serialization;

/// <summary>The direct reads of scalar values and lists of them that the generated <c>ReadField</c>s share.</summary>
internal static class JsonScalars
{
    /// <summary>Reads the number the reader is on as <typeparamref name="T"/> (int, long, float or double); false when it does not fit (a fraction for an integer, beyond the type's range).</summary>
    /// <typeparam name="T">The number type.</typeparam>
    /// <param name="reader">The reader, on a number.</param>
    /// <param name="value">The number read.</param>
    public static bool TryGetNumber<T>(ref Utf8JsonReader reader, out T value)
        where T : struct
    {
        value = default;
        if (typeof(T) == typeof(int))
        {
            if (!reader.TryGetInt32(out var number))
            {
                return false;
            }

            value = (T)(object)number;
            return true;
        }

        if (typeof(T) == typeof(long))
        {
            if (!reader.TryGetInt64(out var number))
            {
                return false;
            }

            value = (T)(object)number;
            return true;
        }

        // A float or double that overflows to infinity is out of range: JSON cannot carry it back.
        if (typeof(T) == typeof(float))
        {
            if (!reader.TryGetSingle(out var number) || !float.IsFinite(number))
            {
                return false;
            }

            value = (T)(object)number;
            return true;
        }

        if (typeof(T) == typeof(double))
        {
            if (!reader.TryGetDouble(out var number) || !double.IsFinite(number))
            {
                return false;
            }

            value = (T)(object)number;
            return true;
        }

        return false;
    }

    /// <summary>Reads an array of strings (a JSON null element reads as null); false, with the reader unmoved, for anything else.</summary>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <param name="list">The strings read.</param>
    public static bool TryReadStrings(ref Utf8JsonReader reader, out List<string> list)
    {
        list = null!;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var start = reader;
        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    items.Add(reader.GetString()!);
                    break;
                case JsonTokenType.Null:
                    items.Add(null!);
                    break;
                default:
                    reader = start;
                    return false;
            }
        }

        list = items;
        return true;
    }

    /// <summary>Reads an array of numbers that each fit <typeparamref name="T"/> (a JSON null element reads as null); false, with the reader unmoved, for anything else.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <param name="list">The numbers read.</param>
    public static bool TryReadNumbers<T>(ref Utf8JsonReader reader, out List<T?> list)
        where T : struct
    {
        list = null!;
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var start = reader;

        // Numbers arrive in long arrays (embeddings, token ids): they are gathered in a pooled buffer, so the list is made once at its size.
        var items = ArrayPool<T?>.Shared.Rent(64);
        var count = 0;
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (count == items.Length)
                {
                    var larger = ArrayPool<T?>.Shared.Rent(count * 2);
                    items.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<T?>.Shared.Return(items);
                    items = larger;
                }

                if (reader.TokenType == JsonTokenType.Null)
                {
                    items[count++] = null;
                }
                else if (reader.TokenType == JsonTokenType.Number && TryGetNumber(ref reader, out T value))
                {
                    items[count++] = value;
                }
                else
                {
                    reader = start;
                    return false;
                }
            }

            list = new List<T?>(count);
            list.AddRange(new ReadOnlySpan<T?>(items, 0, count));
            return true;
        }
        finally
        {
            ArrayPool<T?>.Shared.Return(items);
        }
    }
}
