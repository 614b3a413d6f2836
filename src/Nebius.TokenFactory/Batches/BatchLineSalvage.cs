using System.Buffers;
using System.Text.Json;

namespace Nebius.TokenFactory.Batches;

/// <summary>
/// What can still be learnt from a batch line that cannot be read, so its error can name it: the top-level
/// <c>custom_id</c>, when it comes before the damage (a line cut short, a broken response after the id).
/// </summary>
internal static class BatchLineSalvage
{
    private static readonly byte[] CustomIdName = "custom_id"u8.ToArray();

    /// <summary>The line's top-level <c>custom_id</c> string, or null when none is found before the line stops being JSON.</summary>
    public static string? CustomIdOf(ReadOnlySequence<byte> line)
    {
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 1024 });
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(CustomIdName))
                {
                    return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // The damage came first: nothing to name the line by. (InvalidOperationException: an id that is not valid UTF-8.)
        }

        return null;
    }
}
