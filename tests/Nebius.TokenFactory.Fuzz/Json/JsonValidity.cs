using System.Text;
using System.Text.Json;

namespace Nebius.TokenFactory.Fuzz.Json;

/// <summary>Whether bytes are one JSON text by RFC 8259, decided independently of the client under test.</summary>
internal static class JsonValidity
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// True for UTF-8 throughout and exactly one value with nothing but whitespace around it, at any depth (deep
    /// nesting is valid JSON, only more than a reader may accept). A leading byte order mark is skipped: the RFC lets
    /// a reader ignore one, so a body that is valid after it is not counted as invalid. Empty is not valid.
    /// </summary>
    public static bool IsValid(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        try
        {
            _ = StrictUtf8.GetCharCount(body);
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 1_000_000 });
            var any = false;
            while (reader.Read())
            {
                any = true;
            }

            return any;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
