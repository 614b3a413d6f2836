using System.Diagnostics.CodeAnalysis;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Helpers;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Http;

/// <summary>Reads a scalar response body the way Kiota's SendPrimitiveAsync does, type by type.</summary>
internal static class PrimitiveValues
{
    public static T? Read<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(IParseNode root)
    {
        var type = typeof(T);
        object? value =
            type == typeof(bool?) ? root.GetBoolValue()
            : type == typeof(byte?) ? root.GetByteValue()
            : type == typeof(sbyte?) ? root.GetSbyteValue()
            : type == typeof(string) ? root.GetStringValue()
            : type == typeof(int?) ? root.GetIntValue()
            : type == typeof(float?) ? root.GetFloatValue()
            : type == typeof(long?) ? root.GetLongValue()
            : type == typeof(double?) ? root.GetDoubleValue()
            : type == typeof(decimal?) ? root.GetDecimalValue()
            : type == typeof(Guid?) ? root.GetGuidValue()
            : type == typeof(DateTimeOffset?) ? root.GetDateTimeOffsetValue()
            : type == typeof(TimeSpan?) ? root.GetTimeSpanValue()
            : type == typeof(Date?) ? root.GetDateValue()
            : root.GetStringValue() is { Length: > 0 } raw ? EnumHelpers.GetEnumValue(type, raw)
            : throw new InvalidOperationException("error handling the response, unexpected type");
        return (T?)value;
    }
}
