using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Serialization;

/// <summary>
/// Deviation from Kiota: what every generated model adds so that the library reads it straight from UTF-8
/// JSON (Kiota reads a model only through <see cref="IParseNode"/> and the <c>GetFieldDeserializers</c>
/// table). Internal, so the public surface keeps Kiota's shape.
/// </summary>
internal interface IJsonModel : IParsable
{
    /// <summary>
    /// Reads the value the reader is on into the field named <paramref name="wireName"/>: a JSON null assigns
    /// nothing (and is recorded for a nullable property), a value of the expected kind is read directly, and
    /// any other value goes to <see cref="KiotaFallback"/>. Leaves the reader on the value's last token.
    /// </summary>
    /// <returns>False, with the reader unmoved, when the model has no such field.</returns>
    /// <param name="wireName">The JSON property name.</param>
    /// <param name="reader">The reader, on the value's first token.</param>
    bool ReadField(scoped ReadOnlySpan<char> wireName, ref Utf8JsonReader reader);

    /// <summary>
    /// A new model of this model's own type read from the value the reader is on (its discriminator
    /// honoured): the generated static <c>ReadJson</c>, reached through an instance because a request
    /// adapter is handed only a factory (see <see cref="DirectReaders{T}"/>).
    /// </summary>
    /// <param name="reader">The reader, on the value's first token.</param>
    IParsable ReadNew(ref Utf8JsonReader reader);

    /// <summary>The model's additional data when it has any, else null; unlike <see cref="IAdditionalDataHolder.AdditionalData"/>, never makes an empty dictionary.</summary>
    IDictionary<string, object>? AdditionalDataIfAny { get; }

    /// <summary>The model's explicit nulls when it has recorded any, else null (a key repeated with a value forgets its null).</summary>
    ISet<string>? RecordedNulls { get; }
}

/// <summary>Deviation from Kiota: what every generated union adds for the direct path.</summary>
internal interface IJsonUnion : IParsable
{
    /// <summary>Whether a member holds the value: false when no member could read it (the holder then keeps the raw value).</summary>
    bool HasMember { get; }
}
