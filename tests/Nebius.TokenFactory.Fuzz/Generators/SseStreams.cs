using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Nebius.TokenFactory.Fuzz.Json;

namespace Nebius.TokenFactory.Fuzz.Generators;

/// <summary>
/// Event streams for the streaming chat call: valid ones in every framing (which must all read the same), and
/// broken ones with one defect each: no <c>[DONE]</c>, an error frame in each dialect the reader knows, a frame
/// that is not JSON, invalid UTF-8 inside a frame, or the connection closed in the middle of a frame.
/// </summary>
internal static class SseStreams
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Text pieces with one-, two-, three- and four-byte UTF-8 characters, so cuts can fall inside each.</summary>
    private static readonly string[] Pieces = ["Paris", " — ", "ça va", " 日本語", " 🎉", "."];

    /// <summary>Error frames: (dialect, event name or null, data).</summary>
    private static readonly (string Dialect, string? Event, string Data)[] ErrorFrames =
    [
        ("vLLM error object, numeric code", null, """{"error":{"message":"The model is overloaded","type":"ServiceUnavailableError","code":503}}"""),
        ("OpenAI error object, string code", null, """{"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}"""),
        ("error object, code as a numeric string", null, """{"error":{"message":"Too many requests","code":"429"}}"""),
        ("error object, no code", null, """{"error":{"message":"failed"}}"""),
        ("FastAPI detail string", null, """{"detail":"Internal Server Error"}"""),
        ("FastAPI detail list", null, """{"detail":[{"loc":["body","messages"],"msg":"Field required","type":"missing"}]}"""),
        ("event: error with a JSON object", "error", """{"message":"stream failed","code":500}"""),
        ("event: error with plain text", "error", "stream failed"),
    ];

    private static readonly string[] MalformedFrames =
    [
        """{"id":"chatcmpl-fuzz","choices":[""",
        "not json at all",
        """{"id":"chatcmpl-fuzz"}}""",
        "[1,2,3]",
        "\"just a string\"",
        """{"id":"chatcmpl-fuzz","choices":[{"index":0,"delta":{"content":"a"}}],}""",
    ];

    /// <summary>How many text pieces a stream can carry.</summary>
    public static int MaxPieces => Pieces.Length;

    /// <summary>The chunk data of a short answer: a role chunk, content pieces, and a final chunk with finish reason and usage.</summary>
    public static Gen<byte[][]> Chunks { get; } =
        from count in Gen.Choose(1, Pieces.Length)
        select Answer(Pieces[..count]);

    /// <summary>A valid stream, ended by <c>[DONE]</c>.</summary>
    public static Gen<SseBody> Valid { get; } =
        from framing in SseFraming.Any
        from pieces in Gen.Choose(1, Pieces.Length)
        select ValidStream(framing, pieces);

    /// <summary>A stream with exactly one defect.</summary>
    public static Gen<SseBody> Broken { get; } = Gen.OneOf(MissingDone(), WithErrorFrame(), WithMalformedFrame(), WithInvalidUtf8(), CutMidFrame());

    /// <summary>Broken streams whose defect leaves no complete, readable answer: the call must fail, never return.</summary>
    public static Gen<SseBody> Unreadable { get; } = Gen.OneOf(MissingDone(), WithMalformedFrame(), WithInvalidUtf8(), CutMidFrame());

    /// <summary>The valid stream of the first <paramref name="pieces"/> text pieces (up to six), in <paramref name="framing"/>.</summary>
    public static SseBody ValidStream(SseFraming framing, int pieces)
    {
        var chunks = Answer(Pieces[..pieces]);
        return new SseBody($"valid stream of {chunks.Length} chunks, {framing}", Render(framing, chunks.Select(c => Event(null, c)), done: true));
    }

    public static Gen<SseBody> MissingDone() =>
        from framing in SseFraming.Any
        from chunks in Chunks
        select new SseBody($"no [DONE] after {chunks.Length} chunks, {framing}", Render(framing, chunks.Select(c => Event(null, c)), done: false));

    public static Gen<SseBody> WithErrorFrame() =>
        from framing in SseFraming.Any
        from chunks in Chunks
        from at in Gen.Choose(0, chunks.Length)
        from frame in Gen.Elements(ErrorFrames)
        select new SseBody(
            $"error frame ({frame.Dialect}) after {at} of {chunks.Length} chunks, {framing}",
            Render(framing, Insert(chunks.Select(c => Event(null, c)), at, Event(frame.Event, Bytes.Utf8(frame.Data))), done: true));

    public static Gen<SseBody> WithMalformedFrame() =>
        from framing in SseFraming.Any
        from chunks in Chunks
        from at in Gen.Choose(0, chunks.Length)
        from frame in Gen.Elements(MalformedFrames)
        select new SseBody(
            $"malformed frame {frame} after {at} of {chunks.Length} chunks, {framing}",
            Render(framing, Insert(chunks.Select(c => Event(null, c)), at, Event(null, Bytes.Utf8(frame))), done: true));

    public static Gen<SseBody> WithInvalidUtf8() =>
        from framing in SseFraming.Any
        from chunks in Chunks
        from at in Gen.Choose(0, chunks.Length - 1)
        from mutated in BodyMutations.InvalidUtf8InString(chunks[at])
        select new SseBody(
            $"{mutated.Description} of chunk {at + 1} of {chunks.Length}, {framing}",
            Render(framing, chunks.Select((c, i) => Event(null, i == at ? mutated.Body : c)), done: true));

    public static Gen<SseBody> CutMidFrame() =>
        from valid in Valid
        from cut in Gen.Choose(1, valid.Bytes.Length - 1)
        select new SseBody($"{valid.Description}, cut at byte {cut} of {valid.Bytes.Length} and the connection reset", valid.Bytes[..cut], Abort: true);

    private static (string? Event, byte[] Data) Event(string? name, byte[] data) => (name, data);

    private static List<T> Insert<T>(IEnumerable<T> items, int at, T item)
    {
        var list = items.ToList();
        list.Insert(at, item);
        return list;
    }

    private static byte[] Render(SseFraming framing, IEnumerable<(string? Event, byte[] Data)> events, bool done)
    {
        var output = new List<byte>();
        foreach (var (name, data) in events)
        {
            output.AddRange(framing.Event(name, data));
        }

        if (done)
        {
            output.AddRange(framing.Event(null, "[DONE]"u8.ToArray()));
        }

        return [.. output];
    }

    private static byte[][] Answer(string[] pieces)
    {
        var chunks = new List<byte[]> { Chunk(new { role = "assistant", content = "" }, finishReason: null) };
        chunks.AddRange(pieces.Select(p => Chunk(new { content = p }, finishReason: null)));
        chunks.Add(JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                id = "chatcmpl-fuzz",
                @object = "chat.completion.chunk",
                created = 1733227200,
                model = "meta-llama/Meta-Llama-3.1-8B-Instruct",
                choices = new[] { new { index = 0, delta = new { }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 9, completion_tokens = pieces.Length, total_tokens = 9 + pieces.Length },
            },
            Relaxed));
        return [.. chunks];
    }

    private static byte[] Chunk(object delta, string? finishReason) => JsonSerializer.SerializeToUtf8Bytes(
        new
        {
            id = "chatcmpl-fuzz",
            @object = "chat.completion.chunk",
            created = 1733227200,
            model = "meta-llama/Meta-Llama-3.1-8B-Instruct",
            choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
        },
        Relaxed);
}
