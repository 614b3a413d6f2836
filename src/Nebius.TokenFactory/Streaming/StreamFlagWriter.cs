using System.Diagnostics.CodeAnalysis;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Streaming;

/// <summary>
/// Passes a request model's top-level properties on to the real writer, except that <c>stream</c> is written as
/// <c>true</c> whatever the model holds (a value, null or an explicit null) and a <c>stream</c> key in its additional
/// data is dropped, so the body has the flag once. Only the top level comes through here: nested objects are
/// written by the real writer itself, so a nested property called <c>stream</c> is left alone.
/// </summary>
internal sealed class StreamFlagWriter(ISerializationWriter inner) : ISerializationWriter
{
    /// <summary>Whether the flag has been written (the model wrote its <c>stream</c> property).</summary>
    public bool WroteStreamFlag { get; private set; }

    public Action<IParsable>? OnBeforeObjectSerialization
    {
        get => inner.OnBeforeObjectSerialization;
        set => inner.OnBeforeObjectSerialization = value;
    }

    public Action<IParsable>? OnAfterObjectSerialization
    {
        get => inner.OnAfterObjectSerialization;
        set => inner.OnAfterObjectSerialization = value;
    }

    public Action<IParsable, ISerializationWriter>? OnStartObjectSerialization
    {
        get => inner.OnStartObjectSerialization;
        set => inner.OnStartObjectSerialization = value;
    }

    public Stream GetSerializedContent() => inner.GetSerializedContent();

    /// <summary>The real writer belongs to whoever created it.</summary>
    public void Dispose()
    {
    }

    public void WriteBoolValue(string? key, bool? value)
    {
        if (IsStreamFlag(key))
        {
            WriteStreamFlag();
            return;
        }

        inner.WriteBoolValue(key, value);
    }

    public void WriteNullValue(string? key)
    {
        if (IsStreamFlag(key))
        {
            WriteStreamFlag();
            return;
        }

        inner.WriteNullValue(key);
    }

    public void WriteAdditionalData(IDictionary<string, object> value)
    {
        // Copied only in the rare case that needs it: the caller's dictionary is not changed.
        if (value is not null && value.ContainsKey(StreamingBody.StreamProperty))
        {
            value = value.Where(entry => !IsStreamFlag(entry.Key)).ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);
        }

        inner.WriteAdditionalData(value!);
    }

    public void WriteStringValue(string? key, string? value) => inner.WriteStringValue(key, value);

    public void WriteByteValue(string? key, byte? value) => inner.WriteByteValue(key, value);

    public void WriteSbyteValue(string? key, sbyte? value) => inner.WriteSbyteValue(key, value);

    public void WriteIntValue(string? key, int? value) => inner.WriteIntValue(key, value);

    public void WriteFloatValue(string? key, float? value) => inner.WriteFloatValue(key, value);

    public void WriteLongValue(string? key, long? value) => inner.WriteLongValue(key, value);

    public void WriteDoubleValue(string? key, double? value) => inner.WriteDoubleValue(key, value);

    public void WriteDecimalValue(string? key, decimal? value) => inner.WriteDecimalValue(key, value);

    public void WriteGuidValue(string? key, Guid? value) => inner.WriteGuidValue(key, value);

    public void WriteDateTimeOffsetValue(string? key, DateTimeOffset? value) => inner.WriteDateTimeOffsetValue(key, value);

    public void WriteTimeSpanValue(string? key, TimeSpan? value) => inner.WriteTimeSpanValue(key, value);

    public void WriteDateValue(string? key, Date? value) => inner.WriteDateValue(key, value);

    public void WriteTimeValue(string? key, Time? value) => inner.WriteTimeValue(key, value);

    public void WriteByteArrayValue(string? key, byte[]? value) => inner.WriteByteArrayValue(key, value);

    public void WriteEnumValue<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(string? key, T? value)
        where T : struct, Enum => inner.WriteEnumValue(key, value);

    public void WriteCollectionOfPrimitiveValues<T>(string? key, IEnumerable<T>? values) => inner.WriteCollectionOfPrimitiveValues(key, values);

    public void WriteCollectionOfObjectValues<T>(string? key, IEnumerable<T>? values)
        where T : IParsable => inner.WriteCollectionOfObjectValues(key, values);

    public void WriteCollectionOfEnumValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(string? key, IEnumerable<T?>? values)
        where T : struct, Enum => inner.WriteCollectionOfEnumValues(key, values);

    public void WriteObjectValue<T>(string? key, T? value, params IParsable?[] additionalValuesToMerge)
        where T : IParsable => inner.WriteObjectValue(key, value, additionalValuesToMerge);

    private static bool IsStreamFlag(string? key) => string.Equals(key, StreamingBody.StreamProperty, StringComparison.Ordinal);

    private void WriteStreamFlag()
    {
        if (!WroteStreamFlag)
        {
            WroteStreamFlag = true;
            inner.WriteBoolValue(StreamingBody.StreamProperty, true);
        }
    }
}
