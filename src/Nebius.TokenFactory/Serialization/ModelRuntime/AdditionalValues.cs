using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Serialization;

/// <summary>Keeps the properties a model does not know, as Kiota's JSON node keeps them: in the model's additional data, as Kiota's CLR types.</summary>
internal static class AdditionalValues
{
    /// <summary>Adds the value the reader is on under <paramref name="wireName"/> (the first occurrence wins); leaves the reader on the value's last token.</summary>
    /// <param name="model">The model being read.</param>
    /// <param name="wireName">The JSON property name.</param>
    /// <param name="reader">The reader, on the value's first token.</param>
    public static void Add(IParsable model, scoped ReadOnlySpan<char> wireName, ref Utf8JsonReader reader)
    {
        if (model is not IAdditionalDataHolder holder)
        {
            reader.Skip();
            return;
        }

        var additionalData = holder.AdditionalData ??= new Dictionary<string, object>();
        var name = wireName.ToString();
        if (additionalData.ContainsKey(name))
        {
            reader.Skip();
            return;
        }

        additionalData.Add(name, Read(ref reader)!);
    }

    /// <summary>The CLR value Kiota keeps for an additional property; leaves the reader on the value's last token.</summary>
    /// <param name="reader">The reader, on the value's first token.</param>
    private static object? Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetDecimal(out var number))
                {
                    return number;
                }

                return reader.TryGetDouble(out var real) ? real : throw new InvalidOperationException("unexpected additional value type during number deserialization");
            case JsonTokenType.String:
                if (reader.TryGetDateTime(out var dateTime))
                {
                    return dateTime;
                }

                if (reader.TryGetDateTimeOffset(out var dateTimeOffset))
                {
                    return dateTimeOffset;
                }

                return reader.TryGetGuid(out var guid) ? guid : reader.GetString();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                return KiotaFallback.NodeAt(ref reader).GetObjectValue(UntypedNode.CreateFromDiscriminatorValue);
            default:
                return null;
        }
    }
}
