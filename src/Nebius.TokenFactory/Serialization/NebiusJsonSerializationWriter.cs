using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Xml;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Serialization;

/// <summary>
/// Kiota's <c>application/json</c> serialization writer, byte for byte (nulls skipped, empty strings and
/// collections kept, enums by EnumMember name, merged intersection values, untyped nodes, additional data),
/// with less work per value. Deliberate deviation from Kiota's runtime: its JsonSerializationWriter routes
/// every scalar through JsonSerializer and a type-info lookup, reflects over each enum value, and takes a
/// recyclable stream whose constructor draws a Guid; this one writes each value straight to a
/// <see cref="Utf8JsonWriter"/> over pooled memory. The output encoder is the default one, as Kiota's.
/// </summary>
internal sealed partial class NebiusJsonSerializationWriter : ISerializationWriter, IDisposable
{
    private readonly PooledBufferWriter _buffer = new();
    private readonly Utf8JsonWriter _writer;
    private bool _detached;

    /// <summary>The value the writer was asked to write first, at the top: the content stream carries it (see <see cref="PooledJsonStream.Root"/>).</summary>
    private IParsable? _root;

    public NebiusJsonSerializationWriter() => _writer = new Utf8JsonWriter(_buffer);

    public Action<IParsable>? OnBeforeObjectSerialization { get; set; }

    public Action<IParsable>? OnAfterObjectSerialization { get; set; }

    public Action<IParsable, ISerializationWriter>? OnStartObjectSerialization { get; set; }

    /// <summary>The JSON written so far; the stream owns the pooled bytes from here (dispose it).</summary>
    public Stream GetSerializedContent()
    {
        _writer.Flush();
        _detached = true;
        var content = _buffer.Detach();
        content.Root = _root;
        return content;
    }

    public void Dispose()
    {
        _writer.Dispose();
        if (!_detached)
        {
            _buffer.Release();
        }
    }

    public void WriteStringValue(string? key, string? value)
    {
        if (value is not null)
        {
            Name(key);
            _writer.WriteStringValue(value);
        }
    }

    public void WriteBoolValue(string? key, bool? value)
    {
        if (value is { } v)
        {
            Name(key);
            _writer.WriteBooleanValue(v);
        }
    }

    public void WriteByteValue(string? key, byte? value)
    {
        if (value is { } v)
        {
            Name(key);
            _writer.WriteNumberValue(v);
        }
    }

    public void WriteSbyteValue(string? key, sbyte? value)
    {
        if (value is { } v)
        {
            Name(key);
            _writer.WriteNumberValue(v);
        }
    }

    public void WriteIntValue(string? key, int? value)
    {
        if (value is { } v)
        {
            Name(key);
            _writer.WriteNumberValue(v);
        }
    }

    public void WriteFloatValue(string? key, float? value)
    {
        if (value is { } v)
        {
            Name(key);
            _writer.WriteNumberValue(v);
        }
    }

    public void WriteLongValue(string? key, long? value)
    {
        if (value is { } v)
        {
            Name(key);
            _writer.WriteNumberValue(v);
        }
    }

    public void WriteDoubleValue(string? key, double? value)
    {
        if (value is { } v)
        {
            Name(key);
            _writer.WriteNumberValue(v);
        }
    }

    public void WriteDecimalValue(string? key, decimal? value)
    {
        if (value is { } v)
        {
            Name(key);
            _writer.WriteNumberValue(v);
        }
    }

    public void WriteGuidValue(string? key, Guid? value)
    {
        if (value is { } v)
        {
            Name(key);
            _writer.WriteStringValue(v);
        }
    }

    public void WriteDateTimeOffsetValue(string? key, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            Name(key);
            _writer.WriteStringValue(v);
        }
    }

    public void WriteTimeSpanValue(string? key, TimeSpan? value)
    {
        if (value is { } v)
        {
            WriteStringValue(key, XmlConvert.ToString(v));
        }
    }

    public void WriteDateValue(string? key, Date? value) => WriteStringValue(key, value?.ToString());

    public void WriteTimeValue(string? key, Time? value) => WriteStringValue(key, value?.ToString());

    public void WriteNullValue(string? key)
    {
        Name(key);
        _writer.WriteNullValue();
    }

    public void WriteByteArrayValue(string? key, byte[]? value)
    {
        if (value is not null)
        {
            Name(key);
            _writer.WriteBase64StringValue(value);
        }
    }

    public void WriteEnumValue<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(string? key, T? value)
        where T : struct, Enum
    {
        if (value is { } v)
        {
            Name(key);
            WriteStringValue(null, EnumStrings<T>.Of(v));
        }
    }

    public void WriteCollectionOfPrimitiveValues<T>(string? key, IEnumerable<T>? values)
    {
        if (values is not null)
        {
            Name(key);
            _writer.WriteStartArray();
            foreach (var value in values)
            {
                WriteAnyValue(null, value);
            }

            _writer.WriteEndArray();
        }
    }

    public void WriteCollectionOfObjectValues<T>(string? key, IEnumerable<T>? values)
        where T : IParsable
    {
        if (values is not null)
        {
            Name(key);
            _writer.WriteStartArray();
            foreach (var value in values)
            {
                WriteObjectValue(null, value);
            }

            _writer.WriteEndArray();
        }
    }

    public void WriteCollectionOfEnumValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(string? key, IEnumerable<T?>? values)
        where T : struct, Enum
    {
        if (values is not null)
        {
            Name(key);
            _writer.WriteStartArray();
            foreach (var value in values)
            {
                WriteEnumValue(null, value);
            }

            _writer.WriteEndArray();
        }
    }

    public void WriteObjectValue<T>(string? key, T? value, params IParsable?[] additionalValuesToMerge)
        where T : IParsable
    {
        var hasMerged = false;
        foreach (var merged in additionalValuesToMerge)
        {
            hasMerged |= merged is not null;
        }

        if (value is null && !hasMerged)
        {
            return;
        }

        if (value is UntypedNode untyped)
        {
            OnBeforeObjectSerialization?.Invoke(untyped);
            OnStartObjectSerialization?.Invoke(untyped, this);
            WriteUntypedValue(key, untyped);
            OnAfterObjectSerialization?.Invoke(untyped);
            OnAfterObjectSerialization?.Invoke(untyped); // Kiota's writer reports the end of an untyped node twice.
            return;
        }

        if (key is null && _writer.CurrentDepth == 0 && _writer.BytesPending == 0 && _writer.BytesCommitted == 0)
        {
            _root = value;
        }

        Name(key);
        if (value is not null)
        {
            OnBeforeObjectSerialization?.Invoke(value);
        }

        // A composed-type wrapper writes its one member itself (a scalar or an object), so no braces of its own.
        var wrapper = value is IComposedTypeWrapper;
        if (!wrapper)
        {
            _writer.WriteStartObject();
        }

        if (value is not null)
        {
            OnStartObjectSerialization?.Invoke(value, this);
            value.Serialize(this);
        }

        foreach (var merged in additionalValuesToMerge)
        {
            if (merged is not null)
            {
                OnBeforeObjectSerialization?.Invoke(merged);
                OnStartObjectSerialization?.Invoke(merged, this);
                merged.Serialize(this);
                OnAfterObjectSerialization?.Invoke(merged);
            }
        }

        if (!wrapper)
        {
            _writer.WriteEndObject();
        }

        if (value is not null)
        {
            OnAfterObjectSerialization?.Invoke(value);
        }
    }

    public void WriteAdditionalData(IDictionary<string, object> value)
    {
        if (value is null)
        {
            return;
        }

        foreach (var entry in value)
        {
            WriteAnyValue(entry.Key, entry.Value);
        }
    }

    private void Name(string? key)
    {
        if (!string.IsNullOrEmpty(key))
        {
            _writer.WritePropertyName(key);
        }
    }
}
