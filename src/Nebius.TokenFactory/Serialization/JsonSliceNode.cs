using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Helpers;
using Microsoft.Kiota.Abstractions.Serialization;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.Serialization;

/// <summary>
/// A parse node over one value of a <see cref="DirectJsonReader"/> payload, given by the offset of its first
/// token: what the direct path hands to factories (a discriminator is found by scanning the object) and
/// to AssignField for the values it does not read itself. Strings, numbers that fit, booleans, objects
/// and arrays of objects are read from the bytes; anything else is answered by a
/// <see cref="NebiusJsonParseNode"/> over the value, parsed on first use, so every answer is that node's.
/// </summary>
internal sealed class JsonSliceNode : IParseNode, GeneratedParseSupport.INotifiesFieldsAssigned, GeneratedParseSupport.IKnowsJsonKind
{
    private readonly DirectJsonReader _payload;
    private int _offset;
    private JsonTokenType _token;
    private NebiusJsonParseNode? _element;

    // A number's double and long readings, taken while the payload's reader was on it (no second reader for them).
    private bool _isDouble;
    private double _double;
    private bool _isLong;
    private long _long;

    /// <summary>A node over the value <paramref name="reader"/> is on, a value of <paramref name="payload"/>.</summary>
    /// <param name="payload">The payload being read.</param>
    /// <param name="reader">The payload's reader, on the value's first token.</param>
    public JsonSliceNode(DirectJsonReader payload, ref Utf8JsonReader reader)
    {
        _payload = payload;
        Repoint(ref reader);
    }

    /// <summary>Points this node at the value <paramref name="reader"/> is on, as if new.</summary>
    /// <param name="reader">The payload's reader, on the value's first token.</param>
    /// <returns>This node.</returns>
    internal JsonSliceNode Repoint(ref Utf8JsonReader reader)
    {
        _offset = checked((int)reader.TokenStartIndex);
        _token = reader.TokenType;
        _element = null;
        OnBeforeAssignFieldValues = null;
        OnAfterAssignFieldValues = null;
        if (_token == JsonTokenType.Number)
        {
            _isDouble = reader.TryGetDouble(out _double);
            _isLong = reader.TryGetInt64(out _long);
        }

        return this;
    }

    /// <inheritdoc />
    GeneratedParseSupport.JsonKind GeneratedParseSupport.IKnowsJsonKind.JsonKind => _token switch
    {
        JsonTokenType.String => GeneratedParseSupport.JsonKind.String,
        JsonTokenType.Number => GeneratedParseSupport.JsonKind.Number,
        JsonTokenType.True or JsonTokenType.False => GeneratedParseSupport.JsonKind.Boolean,
        JsonTokenType.StartObject => GeneratedParseSupport.JsonKind.Object,

        // Null as Array, as NebiusJsonParseNode and the probe through IParseNode report it.
        _ => GeneratedParseSupport.JsonKind.Array,
    };

    /// <inheritdoc />
    public Action<IParsable>? OnBeforeAssignFieldValues { get; set; }

    /// <inheritdoc />
    public Action<IParsable>? OnAfterAssignFieldValues { get; set; }

    private bool HasHooks => OnBeforeAssignFieldValues is not null || OnAfterAssignFieldValues is not null;

    /// <inheritdoc />
    public string? GetStringValue()
    {
        if (_token != JsonTokenType.String)
        {
            return null;
        }

        var reader = ReaderOnValue();
        return reader.GetString();
    }

    /// <inheritdoc />
    public bool? GetBoolValue() => _token switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => null,
    };

    /// <inheritdoc />
    public int? GetIntValue()
    {
        if (_token != JsonTokenType.Number)
        {
            return null;
        }

        // A number that reads as an int is one that reads as a long within int's range (the same parser, narrower bounds).
        return _isLong && _long is >= int.MinValue and <= int.MaxValue ? (int)_long : Element().GetIntValue();
    }

    /// <inheritdoc />
    public long? GetLongValue()
    {
        if (_token != JsonTokenType.Number)
        {
            return null;
        }

        return _isLong ? _long : Element().GetLongValue();
    }

    /// <inheritdoc />
    public float? GetFloatValue()
    {
        if (_token != JsonTokenType.Number)
        {
            return null;
        }

        var reader = ReaderOnValue();
        return reader.TryGetSingle(out var value) ? value : Element().GetFloatValue();
    }

    /// <inheritdoc />
    public double? GetDoubleValue()
    {
        if (_token != JsonTokenType.Number)
        {
            return null;
        }

        return _isDouble ? _double : Element().GetDoubleValue();
    }

    /// <inheritdoc />
    public byte? GetByteValue() => Element().GetByteValue();

    /// <inheritdoc />
    public sbyte? GetSbyteValue() => Element().GetSbyteValue();

    /// <inheritdoc />
    public decimal? GetDecimalValue() => Element().GetDecimalValue();

    /// <inheritdoc />
    public Guid? GetGuidValue() => Element().GetGuidValue();

    /// <inheritdoc />
    public DateTimeOffset? GetDateTimeOffsetValue() => Element().GetDateTimeOffsetValue();

    /// <inheritdoc />
    public TimeSpan? GetTimeSpanValue() => Element().GetTimeSpanValue();

    /// <inheritdoc />
    public Date? GetDateValue() => Element().GetDateValue();

    /// <inheritdoc />
    public Time? GetTimeValue() => Element().GetTimeValue();

    /// <inheritdoc />
    public byte[]? GetByteArrayValue() => Element().GetByteArrayValue();

    /// <inheritdoc />
    public T? GetEnumValue<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>()
        where T : struct, Enum =>

        // What Kiota's node does with a string (its other kinds, which it reads as strings and throws on, go to that node).
        _token == JsonTokenType.String ? EnumHelpers.GetEnumValue<T>(GetStringValue()!) : Element().GetEnumValue<T>();

    /// <inheritdoc />
    public IEnumerable<T?> GetCollectionOfEnumValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>()
        where T : struct, Enum => Element().GetCollectionOfEnumValues<T>();

    /// <inheritdoc />
    public IEnumerable<T> GetCollectionOfPrimitiveValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>()
    {
        // The element types NebiusJsonParseNode reads in place, read from the bytes; an array with any other
        // element (a string among numbers, a number too large) is answered by that node, whose rules decide.
        if (_token == JsonTokenType.StartArray && ReadPrimitives<T>() is { } list)
        {
            return list;
        }

        return Element().GetCollectionOfPrimitiveValues<T>();
    }

    /// <inheritdoc />
    public IEnumerable<T> GetCollectionOfObjectValues<T>(ParsableFactory<T> factory)
        where T : IParsable
    {
        if (_token != JsonTokenType.StartArray || HasHooks)
        {
            return Element().GetCollectionOfObjectValues(factory);
        }

        var scope = Scope(out var reader);
        return GeneratedParseSupport.ReadObjects(ref reader, scope, factory);
    }

    /// <inheritdoc />
    public T GetObjectValue<T>(ParsableFactory<T> factory)
        where T : IParsable
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (typeof(T) == typeof(UntypedNode) || HasHooks)
        {
            return Element().GetObjectValue(factory);
        }

        if (_token == JsonTokenType.StartObject)
        {
            var scope = Scope(out var reader);
            return GeneratedParseSupport.ReadObject(ref reader, scope, factory);
        }

        // Not an object: what the factory makes, with no fields to assign (as NebiusJsonParseNode does).
        return factory(this);
    }

    /// <inheritdoc />
    public IParseNode? GetChildNode(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (_token != JsonTokenType.StartObject)
        {
            return null;
        }

        // The last property of that name, as JsonElement.TryGetProperty finds it.
        IParseNode? found = null;
        var scope = Scope(out var reader);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var matches = reader.ValueTextEquals(identifier);
            reader.Read();
            if (matches)
            {
                found = scope.NodeAt(ref reader);
            }

            reader.Skip();
        }

        return found;
    }

    private IEnumerable<T>? ReadPrimitives<T>()
    {
        var reader = ReaderOnValue();
        if (typeof(T) == typeof(float?))
        {
            return GeneratedParseSupport.TryReadNumbers<float>(ref reader, out var floats) ? (IEnumerable<T>)(object)floats : null;
        }

        if (typeof(T) == typeof(string))
        {
            return GeneratedParseSupport.TryReadStrings(ref reader, out var strings) ? (IEnumerable<T>)(object)strings : null;
        }

        if (typeof(T) == typeof(int?))
        {
            return GeneratedParseSupport.TryReadNumbers<int>(ref reader, out var ints) ? (IEnumerable<T>)(object)ints : null;
        }

        if (typeof(T) == typeof(long?))
        {
            return GeneratedParseSupport.TryReadNumbers<long>(ref reader, out var longs) ? (IEnumerable<T>)(object)longs : null;
        }

        if (typeof(T) == typeof(double?))
        {
            return GeneratedParseSupport.TryReadNumbers<double>(ref reader, out var doubles) ? (IEnumerable<T>)(object)doubles : null;
        }

        return null;
    }

    /// <summary>A reader over the payload from this value on, moved onto its first token.</summary>
    private Utf8JsonReader ReaderOnValue()
    {
        var reader = new Utf8JsonReader(_payload.Json.Span[_offset..]);
        reader.Read();
        return reader;
    }

    /// <summary>
    /// The payload from this value on, and a reader over it on the value's first token: nodes made while
    /// reading take their offsets from a reader, and a reader's offsets count from where it starts.
    /// </summary>
    private DirectJsonReader Scope(out Utf8JsonReader reader)
    {
        var scope = _payload.From(_offset);
        reader = new Utf8JsonReader(scope.Json.Span);
        reader.Read();
        return scope;
    }

    /// <summary>The node that answers everything not read from the bytes: a NebiusJsonParseNode over the value, parsed once.</summary>
    private NebiusJsonParseNode Element()
    {
        if (_element is null)
        {
            var reader = ReaderOnValue();
            _element = new NebiusJsonParseNode(JsonElement.ParseValue(ref reader));
        }

        _element.OnBeforeAssignFieldValues = OnBeforeAssignFieldValues;
        _element.OnAfterAssignFieldValues = OnAfterAssignFieldValues;
        return _element;
    }
}
