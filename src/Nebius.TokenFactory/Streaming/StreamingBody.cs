using Microsoft.Kiota.Abstractions.Serialization;

namespace Nebius.TokenFactory.Streaming;

/// <summary>
/// The body of a streaming call: the caller's request, written with <c>"stream": true</c> in place of its own
/// <c>stream</c> value. The flag is added by the writer, never set on the request object, because one request
/// object may be in use by other calls (streaming or not) at the same moment.
/// </summary>
internal sealed class StreamingBody(IParsable request) : IParsable
{
    /// <summary>The wire name of the flag that turns the answer into server-sent events.</summary>
    public const string StreamProperty = "stream";

    /// <summary>The caller's request, written with the flag.</summary>
    public IParsable Request => request;

    /// <summary>A body that is only ever written has no fields to read.</summary>
    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>();

    public void Serialize(ISerializationWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var flagged = new StreamFlagWriter(writer);
        request.Serialize(flagged);

        // Generated models write every property, null or not, so this is only a guard for a model that skips a null one.
        if (!flagged.WroteStreamFlag)
        {
            writer.WriteBoolValue(StreamProperty, true);
        }
    }
}
