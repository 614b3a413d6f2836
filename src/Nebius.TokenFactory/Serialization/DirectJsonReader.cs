using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.Serialization;

/// <summary>
/// Reads a model straight from UTF-8 JSON through the generated models' direct path (their <c>ReadField</c>),
/// with no <see cref="JsonDocument"/> for the whole payload: the values the models read directly are
/// taken from the reader, and the rest go through a <see cref="JsonSliceNode"/> over the same bytes, so
/// the result is the one <see cref="NebiusJsonParseNode"/> gives for the same JSON. Syntax is checked as
/// <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> checks it (one value, no
/// trailing content, default depth); an error surfaces once the reader reaches it.
/// </summary>
internal sealed class DirectJsonReader : GeneratedParseSupport.JsonReadContext
{
    /// <summary>The one node this payload lends out (see <see cref="NodeAt"/>).</summary>
    private JsonSliceNode? _lent;

    private DirectJsonReader(ReadOnlyMemory<byte> json) => Json = json;

    /// <summary>The whole payload; nodes are offsets into it, valid while it is.</summary>
    internal ReadOnlyMemory<byte> Json { get; }

    /// <summary>The payload as a <typeparamref name="T"/>. The caller keeps <paramref name="json"/> alive (unchanged) until this returns; nothing read keeps a reference to it.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="json">One JSON value, without a byte order mark.</param>
    /// <param name="factory">The model's factory.</param>
    public static T Read<T>(ReadOnlyMemory<byte> json, ParsableFactory<T> factory)
        where T : IParsable
    {
        ArgumentNullException.ThrowIfNull(factory);
        var context = new DirectJsonReader(json);
        var reader = new Utf8JsonReader(json.Span);
        reader.Read();
        T model;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            model = GeneratedParseSupport.ReadObject(ref reader, context, factory);
        }
        else
        {
            model = context.NodeAt(ref reader).GetObjectValue(factory);
            reader.Skip();
        }

        JsonValueEnd.Require(ref reader);

        return model;
    }

    /// <summary>The payload from <paramref name="offset"/> on, for a reader that starts there; always a new one, with a node of its own to lend.</summary>
    /// <param name="offset">Where a value's first token starts.</param>
    internal DirectJsonReader From(int offset) => new(Json[offset..]);

    /// <summary>
    /// The one node of this payload, repointed: a node is used only while a factory or an AssignField
    /// runs, and whatever they read through it beyond a scalar (an object, an array, a child) is read
    /// through a payload of its own (<see cref="From"/>), so no two uses of this payload's node overlap.
    /// </summary>
    /// <param name="reader">The reader, on the value's first token.</param>
    internal override IParseNode NodeAt(ref Utf8JsonReader reader)
    {
        return _lent is null ? _lent = new JsonSliceNode(this, ref reader) : _lent.Repoint(ref reader);
    }

    /// <inheritdoc />
    internal override void AddAdditional(IParsable model, scoped ReadOnlySpan<char> wireName, ref Utf8JsonReader reader)
    {
        if (model is not IAdditionalDataHolder holder)
        {
            reader.Skip();
            return;
        }

        // As NebiusJsonParseNode keeps an unknown property: the first occurrence wins, values of Kiota's CLR types.
        var additionalData = holder.AdditionalData ??= new Dictionary<string, object>();
        var name = wireName.ToString();
        if (additionalData.ContainsKey(name))
        {
            reader.Skip();
            return;
        }

        additionalData.Add(name, AdditionalValue(ref reader)!);
    }

    /// <inheritdoc />
    internal override void AssignOther(IParsable model, ref Utf8JsonReader reader)
    {
        // A union keeps no fields of its own (its factory read the members through the head node): nothing to assign.
        if (model is IComposedTypeWrapper and not IAdditionalDataHolder && model.GetFieldDeserializers().Count == 0)
        {
            reader.Skip();
            return;
        }

        var element = JsonElement.ParseValue(ref reader);
        new NebiusJsonParseNode(element).AssignFieldValuesOf(model);
    }

    /// <summary>The CLR value NebiusJsonParseNode (and Kiota) keeps for an additional property; leaves the reader on the value's last token.</summary>
    private static object? AdditionalValue(ref Utf8JsonReader reader)
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
                return NebiusJsonParseNode.AdditionalValue(JsonElement.ParseValue(ref reader));
            default:
                return null;
        }
    }
}
