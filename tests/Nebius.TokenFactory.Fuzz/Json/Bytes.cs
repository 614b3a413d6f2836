using System.Text;

namespace Nebius.TokenFactory.Fuzz.Json;

/// <summary>Byte-level edits and a printable rendering of bodies that may not be text at all.</summary>
internal static class Bytes
{
    /// <summary>The bytes with <c>[start, end)</c> replaced by <paramref name="replacement"/>.</summary>
    public static byte[] Splice(ReadOnlySpan<byte> source, int start, int end, ReadOnlySpan<byte> replacement) =>
        [.. source[..start], .. replacement, .. source[end..]];

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>
    /// The body as C#-escaped text for a report or a failure message: printable ASCII as is, everything else as
    /// <c>\xNN</c>, so a repro shows invalid UTF-8 and control bytes exactly; long bodies are shortened in the middle.
    /// </summary>
    public static string Escape(ReadOnlySpan<byte> body, int max = 400)
    {
        if (body.Length > max)
        {
            return Escape(body[..(max / 2)], max) + $"…({body.Length - max} bytes)…" + Escape(body[^(max / 2)..], max);
        }

        var text = new StringBuilder(body.Length);
        foreach (var b in body)
        {
            text.Append(b switch
            {
                (byte)'\n' => "\\n",
                (byte)'\r' => "\\r",
                (byte)'\\' => "\\\\",
                >= 0x20 and < 0x7F => ((char)b).ToString(),
                _ => $"\\x{b:X2}",
            });
        }

        return text.ToString();
    }
}
