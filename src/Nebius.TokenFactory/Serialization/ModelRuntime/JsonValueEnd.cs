using System.Text.Json;

namespace Nebius.TokenFactory.Serialization;

/// <summary>The end of a payload read by a reader: one JSON value, as JsonDocument.Parse requires.</summary>
internal static class JsonValueEnd
{
    /// <summary>
    /// Reads on from the last token of the payload's one value: anything but white space fails with the
    /// reader's own JsonException, the one JsonDocument.Parse gives for content after the value.
    /// </summary>
    /// <param name="reader">A reader over the whole payload (final block), on the value's last token.</param>
    public static void Require(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
        }
    }
}
