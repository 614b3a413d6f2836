using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;

namespace Nebius.TokenFactory.Fuzz.Generators;

/// <summary>
/// How events are written on the wire; every combination is valid SSE and must read the same: the line end
/// (LF, CRLF, CR), <c>:</c> comment lines between events, <c>event:</c> lines, a space after <c>data:</c> or not,
/// and JSON spread over several <c>data:</c> lines (which the reader joins with LF).
/// </summary>
internal sealed record SseFraming(string LineEnd, bool Comments, bool EventLines, bool SpaceAfterColon, bool MultiLineData)
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Gen<SseFraming> Any { get; } =
        from lineEnd in Gen.Elements("\n", "\r\n", "\r")
        from comments in Gen.Elements(true, false)
        from eventLines in Gen.Elements(true, false)
        from space in Gen.Elements(true, false)
        from multiLine in Gen.Elements(true, false)
        select new SseFraming(lineEnd, comments, eventLines, space, multiLine);

    public override string ToString() =>
        (LineEnd switch { "\n" => "LF", "\r\n" => "CRLF", _ => "CR" })
        + (Comments ? ", comment lines" : "") + (EventLines ? ", event: lines" : "")
        + (SpaceAfterColon ? "" : ", no space after data:") + (MultiLineData ? ", multi-line data" : "");

    /// <summary>One event: an optional <c>event:</c> line, the data lines, and the blank line that ends it.</summary>
    /// <param name="eventName">The event's type; null writes <c>event: message</c> only when <see cref="EventLines"/> asks for it.</param>
    /// <param name="data">The data, which may be any bytes (invalid UTF-8 included); only valid JSON is spread over lines.</param>
    public byte[] Event(string? eventName, byte[] data)
    {
        var output = new List<byte>();
        if (Comments)
        {
            Line(output, ": keep-alive"u8);
        }

        if (eventName is not null || EventLines)
        {
            Line(output, Encoding.UTF8.GetBytes("event: " + (eventName ?? "message")));
        }

        foreach (var line in DataLines(data))
        {
            Line(output, [.. "data:"u8, .. (SpaceAfterColon ? " "u8 : []), .. line]);
        }

        output.AddRange(Encoding.ASCII.GetBytes(LineEnd));
        return [.. output];
    }

    private List<byte[]> DataLines(byte[] data)
    {
        if (!MultiLineData || !Json.JsonValidity.IsValid(data))
        {
            return [data];
        }

        using var document = JsonDocument.Parse(data);
        using var pretty = new MemoryStream();
        using (var writer = new Utf8JsonWriter(pretty, Indented))
        {
            document.WriteTo(writer);
        }

        var bytes = pretty.ToArray();
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i == bytes.Length || bytes[i] == (byte)'\n')
            {
                lines.Add(bytes[start..i]);
                start = i + 1;
            }
        }

        return lines;
    }

    private void Line(List<byte> output, ReadOnlySpan<byte> content)
    {
        output.AddRange(content);
        output.AddRange(Encoding.ASCII.GetBytes(LineEnd));
    }
}
