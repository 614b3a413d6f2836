using System.Text;
using System.Text.Json;

namespace Nebius.TokenFactory;

/// <summary>
/// What went wrong with bytes that could not be read (a response body, one event's data): a reason, the byte
/// offset when it can be found, and a short excerpt around it with control characters escaped and the API key
/// redacted. Built on the error path only, so it may walk the bytes again.
/// </summary>
internal readonly record struct BodyFault(string Reason, long? ByteOffset, string Excerpt)
{
    /// <summary>Bytes shown on each side of the offset.</summary>
    private const int Context = 40;

    /// <summary>
    /// Whether <paramref name="exception"/> is what reading bytes into models throws for bytes that are wrong:
    /// System.Text.Json's syntax, depth and number errors, the transcoding error of invalid UTF-8
    /// (<see cref="InvalidOperationException"/>), Kiota's node on a value it cannot convert, and Kiota's root
    /// for a content type without a reader.
    /// </summary>
    public static bool IsReadFailure(Exception exception) =>
        Serialization.KiotaFallback.IsConversionFailure(exception) || exception is DecoderFallbackException;

    /// <summary>The fault of <paramref name="bytes"/>, which failed with <paramref name="cause"/>.</summary>
    public static BodyFault Of(ReadOnlySpan<byte> bytes, Exception cause, SecretRedactor? redactor)
    {
        var invalidUtf8 = FirstInvalidUtf8(bytes);
        long? offset;
        string reason;
        if (cause is IOException)
        {
            // The body broke off: what is wrong is where it ends.
            offset = bytes.Length;
            reason = cause.Message;
        }
        else if (cause is JsonException { LineNumber: { } line, BytePositionInLine: { } column })
        {
            offset = OffsetOf(bytes, line, column);
            reason = TrimPosition(cause.Message);
        }
        else if (invalidUtf8 >= 0)
        {
            offset = invalidUtf8;
            reason = "the text is not valid UTF-8";
        }
        else
        {
            offset = null;
            reason = cause.Message;
        }

        return new BodyFault(reason, offset, ExcerptOf(bytes, offset, redactor));
    }

    /// <summary>A piece of <paramref name="bytes"/> around <paramref name="offset"/> (or from the start), as readable text.</summary>
    public static string ExcerptOf(ReadOnlySpan<byte> bytes, long? offset, SecretRedactor? redactor)
    {
        var at = (int)Math.Clamp(offset ?? 0, 0, bytes.Length);
        var start = Math.Max(0, at - Context);
        var end = Math.Min(bytes.Length, at + Context + (offset is null ? Context : 0));
        (start, end) = redactor?.Cover(bytes, start, end) ?? (start, end);
        var text = Encoding.UTF8.GetString(bytes[start..end]);
        var shown = new StringBuilder(text.Length + 8);
        if (start > 0)
        {
            shown.Append('…');
        }

        foreach (var c in redactor?.Redact(text) ?? text)
        {
            _ = c switch
            {
                '\n' => shown.Append("\\n"),
                '\r' => shown.Append("\\r"),
                '\t' => shown.Append("\\t"),
                _ when char.IsControl(c) => shown.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => shown.Append(c),
            };
        }

        if (end < bytes.Length)
        {
            shown.Append('…');
        }

        return shown.ToString();
    }

    /// <summary>The offset of the first byte that starts no valid UTF-8 sequence, or -1.</summary>
    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var at = 0;
        while (at < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return -1;
    }

    /// <summary>Turns System.Text.Json's line and byte-in-line (both zero-based) into an offset in the bytes.</summary>
    private static long OffsetOf(ReadOnlySpan<byte> bytes, long line, long column)
    {
        var lineStart = 0;
        for (var seen = 0L; seen < line; seen++)
        {
            var next = bytes[lineStart..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            lineStart += next + 1;
        }

        return Math.Min(bytes.Length, lineStart + column);
    }

    /// <summary>System.Text.Json appends "Path: $.x | LineNumber: 0 | BytePositionInLine: 12." to its messages; the offset says it better.</summary>
    private static string TrimPosition(string message)
    {
        foreach (var marker in (ReadOnlySpan<string>)[" Path:", " LineNumber:"])
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                return message[..at].TrimEnd(' ', '.');
            }
        }

        return message.TrimEnd(' ', '.');
    }
}
