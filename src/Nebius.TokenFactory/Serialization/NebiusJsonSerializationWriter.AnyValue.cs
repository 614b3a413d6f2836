using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Serialization;

/// <summary>Values of unknown type (additional data, primitive collections) and untyped nodes, in Kiota's order of cases.</summary>
internal sealed partial class NebiusJsonSerializationWriter
{
    private void WriteAnyValue<T>(string? key, T value)
    {
        switch (value)
        {
            case string s: WriteStringValue(key, s); break;
            case bool b: WriteBoolValue(key, b); break;
            case byte b: WriteByteValue(key, b); break;
            case sbyte b: WriteSbyteValue(key, b); break;
            case int i: WriteIntValue(key, i); break;
            case float f: WriteFloatValue(key, f); break;
            case long l: WriteLongValue(key, l); break;
            case double d: WriteDoubleValue(key, d); break;
            case decimal m: WriteDecimalValue(key, m); break;
            case Guid g: WriteGuidValue(key, g); break;
            case DateTimeOffset t: WriteDateTimeOffsetValue(key, t); break;
            case TimeSpan t: WriteTimeSpanValue(key, t); break;
            case UntypedNode node: WriteUntypedValue(key, node); break;
            case IParsable parsable: WriteObjectValue(key, parsable); break;
            case Date date: WriteDateValue(key, date); break;
            case DateTime dateTime: WriteDateTimeOffsetValue(key, new DateTimeOffset(dateTime)); break;
            case Time time: WriteTimeValue(key, time); break;
            case JsonElement element:
                Name(key);
                element.WriteTo(_writer);
                break;
            case IDictionary dictionary: WriteDictionary(key, dictionary); break;
            case IEnumerable collection: WriteCollection(key, collection); break;
            case null: WriteNullValue(key); break;
            default: WritePublicProperties(key, value); break;
        }
    }

    private void WriteCollection(string? key, IEnumerable values)
    {
        Name(key);
        _writer.WriteStartArray();
        foreach (var value in values)
        {
            WriteAnyValue(null, value);
        }

        _writer.WriteEndArray();
    }

    private void WriteDictionary(string? key, IDictionary values)
    {
        Name(key);
        _writer.WriteStartObject();
        foreach (DictionaryEntry entry in values)
        {
            if (entry.Key is not string name)
            {
                throw new InvalidOperationException($"Error serializing dictionary value with key {key}, only string keyed dictionaries are supported.");
            }

            WriteAnyValue(name, entry.Value);
        }

        _writer.WriteEndObject();
    }

    /// <summary>Any other CLR object a caller put into additional data: its public properties, as Kiota does.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The same reflection as Kiota's writer, reached only by arbitrary objects a caller puts into AdditionalData; models and primitives never get here.")]
    private void WritePublicProperties(string? key, object value)
    {
        Name(key);
        _writer.WriteStartObject();
        foreach (var property in value.GetType().GetProperties())
        {
            WriteAnyValue(property.Name, property.GetValue(value));
        }

        _writer.WriteEndObject();
    }

    private void WriteUntypedValue(string? key, UntypedNode? value)
    {
        switch (value)
        {
            case UntypedString s: WriteStringValue(key, s.GetValue()); break;
            case UntypedBoolean b: WriteBoolValue(key, b.GetValue()); break;
            case UntypedInteger i: WriteIntValue(key, i.GetValue()); break;
            case UntypedLong l: WriteLongValue(key, l.GetValue()); break;
            case UntypedDecimal m: WriteDecimalValue(key, m.GetValue()); break;
            case UntypedFloat f: WriteFloatValue(key, f.GetValue()); break;
            case UntypedDouble d: WriteDoubleValue(key, d.GetValue()); break;
            case UntypedObject o:
                Name(key);
                _writer.WriteStartObject();
                foreach (var item in o.GetValue())
                {
                    WriteUntypedValue(item.Key, item.Value);
                }

                _writer.WriteEndObject();
                break;
            case UntypedArray a:
                Name(key);
                _writer.WriteStartArray();
                foreach (var item in a.GetValue())
                {
                    WriteUntypedValue(null, item);
                }

                _writer.WriteEndArray();
                break;
            case UntypedNull: WriteNullValue(key); break;
        }
    }
}
