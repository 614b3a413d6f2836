using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.Serialization;

/// <summary>
/// A JSON parse node with Kiota's <see cref="JsonParseNode"/> semantics and less work per value. Generated
/// models are filled through their switch-based <see cref="GeneratedParseSupport.IFieldAssigner"/> (no
/// <c>GetFieldDeserializers</c> table per object, no property-name string per field); lists of objects and
/// of common primitives are built as sized <see cref="List{T}"/>s (no iterator, no boxing); numbers are read
/// in place. Anything rarer (dates, enums, untyped values, values Kiota would reject) goes to Kiota's own
/// node, so results and errors stay the same.
/// </summary>
internal sealed class NebiusJsonParseNode : IParseNode, GeneratedParseSupport.INotifiesFieldsAssigned, GeneratedParseSupport.IKnowsJsonKind
{
    /// <summary>Property names up to this many UTF-8 bytes are matched without allocating a string.</summary>
    private const int StackNameLimit = 128;

    /// <summary>The value; changes only for the node a parent lends out for scalars.</summary>
    private JsonElement _element;

    /// <summary>The value's kind, read once (each <see cref="JsonElement.ValueKind"/> is a lookup in the document).</summary>
    private JsonValueKind _kind;

    /// <summary>The assignment hooks, nearly always none: one shared, immutable pair keeps the node at 56 bytes with <see cref="_kind"/>.</summary>
    private Hooks? _hooks;

    /// <summary>The node lent out for scalar children (see <see cref="Transient"/>), one for a whole tree of nodes.</summary>
    private NebiusJsonParseNode? _scalar;

    /// <summary>A node over <paramref name="element"/>.</summary>
    /// <param name="element">The JSON value; the caller keeps its document alive.</param>
    public NebiusJsonParseNode(JsonElement element)
        : this(element, element.ValueKind)
    {
    }

    private NebiusJsonParseNode(JsonElement element, JsonValueKind kind)
    {
        _element = element;
        _kind = kind;
    }

    /// <inheritdoc />
    GeneratedParseSupport.JsonKind GeneratedParseSupport.IKnowsJsonKind.JsonKind => _kind switch
    {
        JsonValueKind.String => GeneratedParseSupport.JsonKind.String,
        JsonValueKind.Number => GeneratedParseSupport.JsonKind.Number,
        JsonValueKind.True or JsonValueKind.False => GeneratedParseSupport.JsonKind.Boolean,
        JsonValueKind.Object => GeneratedParseSupport.JsonKind.Object,

        // Null (and Undefined) as Array: what the probe through IParseNode reports, so a union reads them alike.
        _ => GeneratedParseSupport.JsonKind.Array,
    };

    /// <inheritdoc />
    public Action<IParsable>? OnBeforeAssignFieldValues
    {
        get => _hooks?.Before;
        set => _hooks = value is null && _hooks?.After is null ? null : new Hooks(value, _hooks?.After);
    }

    /// <inheritdoc />
    public Action<IParsable>? OnAfterAssignFieldValues
    {
        get => _hooks?.After;
        set => _hooks = value is null && _hooks?.Before is null ? null : new Hooks(_hooks?.Before, value);
    }

    /// <inheritdoc />
    public string? GetStringValue() => _kind == JsonValueKind.String ? _element.GetString() : null;

    /// <inheritdoc />
    public bool? GetBoolValue() => _kind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <inheritdoc />
    public int? GetIntValue() => _kind == JsonValueKind.Number ? IntOf(_element) : null;

    /// <inheritdoc />
    public long? GetLongValue() => _kind == JsonValueKind.Number ? LongOf(_element) : null;

    /// <inheritdoc />
    public float? GetFloatValue() => _kind == JsonValueKind.Number ? FloatOf(_element) : null;

    /// <inheritdoc />
    public double? GetDoubleValue() => _kind == JsonValueKind.Number ? DoubleOf(_element) : null;

    /// <inheritdoc />
    public byte? GetByteValue() => Kiota().GetByteValue();

    /// <inheritdoc />
    public sbyte? GetSbyteValue() => Kiota().GetSbyteValue();

    /// <inheritdoc />
    public decimal? GetDecimalValue() => Kiota().GetDecimalValue();

    /// <inheritdoc />
    public Guid? GetGuidValue() => Kiota().GetGuidValue();

    /// <inheritdoc />
    public DateTimeOffset? GetDateTimeOffsetValue() => Kiota().GetDateTimeOffsetValue();

    /// <inheritdoc />
    public TimeSpan? GetTimeSpanValue() => Kiota().GetTimeSpanValue();

    /// <inheritdoc />
    public Date? GetDateValue() => Kiota().GetDateValue();

    /// <inheritdoc />
    public Time? GetTimeValue() => Kiota().GetTimeValue();

    /// <inheritdoc />
    public byte[]? GetByteArrayValue() => Kiota().GetByteArrayValue();

    /// <inheritdoc />
    public T? GetEnumValue<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>()
        where T : struct, Enum => Kiota().GetEnumValue<T>();

    /// <inheritdoc />
    public IEnumerable<T?> GetCollectionOfEnumValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>()
        where T : struct, Enum => Kiota().GetCollectionOfEnumValues<T>();

    /// <inheritdoc />
    public IEnumerable<T> GetCollectionOfPrimitiveValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>()
    {
        if (_kind != JsonValueKind.Array)
        {
            return [];
        }

        // The element types the generated models use; each is read in place into a list of its own type.
        if (typeof(T) == typeof(float?))
        {
            return (IEnumerable<T>)(object)ReadList(ReadFloat);
        }

        if (typeof(T) == typeof(string))
        {
            return (IEnumerable<T>)(object)ReadList(ReadString);
        }

        if (typeof(T) == typeof(int?))
        {
            return (IEnumerable<T>)(object)ReadList(ReadInt);
        }

        if (typeof(T) == typeof(long?))
        {
            return (IEnumerable<T>)(object)ReadList(ReadLong);
        }

        if (typeof(T) == typeof(double?))
        {
            return (IEnumerable<T>)(object)ReadList(ReadDouble);
        }

        return Kiota().GetCollectionOfPrimitiveValues<T>();
    }

    /// <inheritdoc />
    public IEnumerable<T> GetCollectionOfObjectValues<T>(ParsableFactory<T> factory)
        where T : IParsable
    {
        if (_kind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<T>(_element.GetArrayLength());
        foreach (var item in _element.EnumerateArray())
        {
            list.Add(Child(item, item.ValueKind).GetObjectValue(factory));
        }

        return list;
    }

    /// <inheritdoc />
    public T GetObjectValue<T>(ParsableFactory<T> factory)
        where T : IParsable
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (typeof(T) == typeof(UntypedNode))
        {
            return Kiota().GetObjectValue(factory);
        }

        var item = factory(this);
        _hooks?.Before?.Invoke(item);
        AssignFieldValues(item);
        _hooks?.After?.Invoke(item);
        return item;
    }

    /// <inheritdoc />
    public IParseNode? GetChildNode(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return _kind == JsonValueKind.Object && _element.TryGetProperty(identifier, out var child) ? Transient(child, child.ValueKind) : null;
    }

    /// <summary>Fills a model its factory already made from this node's object, as <see cref="GetObjectValue{T}"/> does after the factory (no hooks run).</summary>
    /// <param name="item">The model.</param>
    internal void AssignFieldValuesOf(IParsable item) => AssignFieldValues(item);

    private void AssignFieldValues<T>(T item)
        where T : IParsable
    {
        if (_kind != JsonValueKind.Object)
        {
            return;
        }

        // The models make their additional-data dictionary on first use: it is asked for only when a property is unknown.
        var holder = item as IAdditionalDataHolder;

        // Only the generated types of this assembly are known to keep AssignField and GetFieldDeserializers in step.
        if (item is GeneratedParseSupport.IFieldAssigner assigner && GeneratedParseSupport.IsGeneratedHere(item))
        {
            Span<char> buffer = stackalloc char[StackNameLimit];
            foreach (var property in _element.EnumerateObject())
            {
                var name = NameOf(property, buffer);
                var value = property.Value;
                var kind = value.ValueKind;

                // A JSON null reaches AssignField as a null node: nothing is assigned and a nullable property records it.
                if (!assigner.AssignField(name, kind == JsonValueKind.Null ? null : Transient(value, kind)) && holder is not null)
                {
                    AddAdditional(holder, name.ToString(), value);
                }
            }

            assigner.FieldsAssigned(this);
            return;
        }

        // Anything else (hand-written IParsable types, probes): Kiota's table, as JsonParseNode uses it.
        var deserializers = item.GetFieldDeserializers();
        var nullRecorder = item as GeneratedParseSupport.IFieldAssigner;
        foreach (var property in _element.EnumerateObject())
        {
            if (deserializers.TryGetValue(property.Name, out var deserialize))
            {
                if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    deserialize(Child(property.Value, property.Value.ValueKind));
                }
                else
                {
                    // A generated model of another assembly (a subclass) still records the JSON nulls of its generated fields.
                    nullRecorder?.AssignField(property.Name, null);
                }
            }
            else if (holder is not null)
            {
                AddAdditional(holder, property.Name, property.Value);
            }
        }

        nullRecorder?.FieldsAssigned(this);
    }

    /// <summary>The property's name as characters: decoded into <paramref name="buffer"/> when short and unescaped, else the allocated name.</summary>
    private static ReadOnlySpan<char> NameOf(JsonProperty property, Span<char> buffer)
    {
        var utf8 = JsonMarshal.GetRawUtf8PropertyName(property);
        if (utf8.Length <= buffer.Length && !utf8.Contains((byte)'\\'))
        {
            var length = Encoding.UTF8.GetChars(utf8, buffer);
            return buffer[..length];
        }

        return property.Name;
    }

    /// <summary>An unknown property, kept the way Kiota keeps it (first occurrence wins).</summary>
    private static void AddAdditional(IAdditionalDataHolder holder, string name, JsonElement value)
    {
        var additionalData = holder.AdditionalData ??= new Dictionary<string, object>();
        if (!additionalData.ContainsKey(name))
        {
            additionalData.Add(name, AdditionalValue(value)!);
        }
    }

    /// <summary>The CLR value Kiota's JsonParseNode stores for an additional property of this JSON value.</summary>
    internal static object? AdditionalValue(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                if (value.TryGetDecimal(out var number))
                {
                    return number;
                }

                return value.TryGetDouble(out var real) ? real : throw new InvalidOperationException("unexpected additional value type during number deserialization");
            case JsonValueKind.String:
                if (value.TryGetDateTime(out var dateTime))
                {
                    return dateTime;
                }

                if (value.TryGetDateTimeOffset(out var dateTimeOffset))
                {
                    return dateTimeOffset;
                }

                return value.TryGetGuid(out var guid) ? guid : value.GetString();
            case JsonValueKind.Array:
            case JsonValueKind.Object:
                return new JsonParseNode(value).GetObjectValue(UntypedNode.CreateFromDiscriminatorValue);
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
            default:
                return null;
        }
    }

    // Numbers are read in place; one that does not fit (or has a fraction, for integers) goes to Kiota, which decides as it always has.
    private static string? ReadString(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? ReadInt(JsonElement value) => value.ValueKind == JsonValueKind.Number ? IntOf(value) : null;

    private static long? ReadLong(JsonElement value) => value.ValueKind == JsonValueKind.Number ? LongOf(value) : null;

    private static float? ReadFloat(JsonElement value) => value.ValueKind == JsonValueKind.Number ? FloatOf(value) : null;

    private static double? ReadDouble(JsonElement value) => value.ValueKind == JsonValueKind.Number ? DoubleOf(value) : null;

    private static int? IntOf(JsonElement number) => number.TryGetInt32(out var value) ? value : new JsonParseNode(number).GetIntValue();

    private static long? LongOf(JsonElement number) => number.TryGetInt64(out var value) ? value : new JsonParseNode(number).GetLongValue();

    private static float? FloatOf(JsonElement number) => number.TryGetSingle(out var value) ? value : new JsonParseNode(number).GetFloatValue();

    private static double? DoubleOf(JsonElement number) => number.TryGetDouble(out var value) ? value : new JsonParseNode(number).GetDoubleValue();

    private List<TValue> ReadList<TValue>(Func<JsonElement, TValue> read)
    {
        var list = new List<TValue>(_element.GetArrayLength());
        foreach (var item in _element.EnumerateArray())
        {
            list.Add(read(item));
        }

        return list;
    }

    /// <summary>
    /// A node for a child that is read at once: for a scalar (string, number, boolean, null) the one node this
    /// node lends out, repointed; for an object or array a node of its own, since a model's factory may keep it.
    /// The generated code reads a scalar node before it asks for the next child (of this node or any other),
    /// so one node can be lent out for the whole tree.
    /// </summary>
    private NebiusJsonParseNode Transient(JsonElement value, JsonValueKind kind)
    {
        if (kind is JsonValueKind.Object or JsonValueKind.Array)
        {
            return Child(value, kind);
        }

        var scalar = _scalar ??= new NebiusJsonParseNode(value, kind);
        scalar._element = value;
        scalar._kind = kind;
        scalar._hooks = _hooks;
        return scalar;
    }

    /// <summary>A node of its own for an object or array child; it lends out the same scalar node as this one.</summary>
    private NebiusJsonParseNode Child(JsonElement value, JsonValueKind kind)
    {
        _scalar ??= new NebiusJsonParseNode(value, kind);
        return new NebiusJsonParseNode(value, kind)
        {
            _hooks = _hooks,
            _scalar = _scalar,
        };
    }

    /// <summary>Kiota's own node over the same value, for the rare getters and for exact fallback behaviour.</summary>
    private JsonParseNode Kiota() => new(_element, KiotaJsonSerializationContext.Default)
    {
        OnBeforeAssignFieldValues = OnBeforeAssignFieldValues,
        OnAfterAssignFieldValues = OnAfterAssignFieldValues,
    };

    /// <summary>The two Kiota hooks of a node, replaced (never changed) when one is set, so children can share them.</summary>
    private sealed record Hooks(Action<IParsable>? Before, Action<IParsable>? After);
}
