using FsCheck;
using FsCheck.Fluent;
using Nebius.TokenFactory.Fuzz.Calls;
using Nebius.TokenFactory.Fuzz.Examples;
using Nebius.TokenFactory.Fuzz.Json;
using Nebius.TokenFactory.Fuzz.Server;

namespace Nebius.TokenFactory.Fuzz.Generators;

/// <summary>
/// The generators of whole cases, the one place both the property tests and the runner take them from. Each
/// answers a call of <see cref="CallCatalog"/> with its example (or an error body) after a mutation, in random writes.
/// </summary>
internal static class FuzzCases
{
    /// <summary>A JSON call answered with any transport and any mutation of its example (or, on an error status, of an error body).</summary>
    public static Gen<FuzzCase> Json { get; } =
        from call in Gen.Elements<ClientCall>(CallCatalog.Json)
        from transport in Transports.Any
        from body in transport.IsSuccess
            ? Gen.Constant(ResponseExamples.Bytes(call.Example!))
            : Gen.Elements(ErrorBodies.All.Prepend(ResponseExamples.Bytes(call.Example!)).ToArray())
        from mutated in BodyMutations.Any(body)
        from abort in Gen.Frequency((19, Gen.Constant(false)), (1, Gen.Constant(true)))
        from chunks in Chunking.Of(mutated.Body)
        select new FuzzCase("json", call, mutated.Description, Answer(transport, mutated.Body, chunks, abort));

    /// <summary>The streaming call answered with a valid or broken event stream, or with something that is no event stream at all.</summary>
    public static Gen<FuzzCase> Stream { get; } = Gen.Frequency(
        (3, from stream in Gen.OneOf(SseStreams.Valid, SseStreams.Broken)
            from chunks in Chunking.Of(stream.Bytes)
            select StreamCase(stream, chunks)),
        (1, from transport in Transports.Any
            from body in Gen.Elements(ErrorBodies.All.Prepend(ResponseExamples.Bytes("POST_v1_chat_completions.basic.real-2025.json")).ToArray())
            from mutated in BodyMutations.Any(body)
            from chunks in Chunking.Of(mutated.Body)
            select new FuzzCase("stream", CallCatalog.ChatStream, "no event stream: " + mutated.Description, Answer(transport, mutated.Body, chunks, abort: false))));

    /// <summary>A valid example or stream, whole and split.</summary>
    public static Gen<SplitCase> ValidSplits { get; } = Gen.OneOf(
        from call in Gen.Elements<ClientCall>(CallCatalog.Json)
        from transport in Transports.JsonSuccess
        let body = ResponseExamples.Bytes(call.Example!)
        from chunks in Gen.OneOf(Chunking.SplitOnce(body), Chunking.SplitInsideCharacter(body), Chunking.Random(body.Length))
        let answer = Answer(transport, body, chunks, abort: false)
        select new SplitCase(new FuzzCase("split", call, "unchanged, in one write", answer.Unsplit()), new FuzzCase("split", call, "unchanged, split", answer)),
        from stream in SseStreams.Valid
        from chunks in Gen.OneOf(Chunking.SplitOnce(stream.Bytes), Chunking.SplitInsideCharacter(stream.Bytes), Chunking.Random(stream.Bytes.Length))
        let split = StreamCase(stream, chunks)
        select new SplitCase(split with { Answer = split.Answer.Unsplit() }, split));

    /// <summary>A success status with a JSON content type whose body is not valid JSON (or broke off): no call may return from it.</summary>
    public static Gen<FuzzCase> InvalidSuccesses { get; } = Gen.OneOf(
        (from call in Gen.Elements<ClientCall>(CallCatalog.Json)
         from transport in Transports.JsonSuccess
         from mutated in BodyMutations.Breaking(ResponseExamples.Bytes(call.Example!))
         from abort in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
         from chunks in Chunking.Of(mutated.Body)
         select new FuzzCase("invalid", call, mutated.Description, Answer(transport, mutated.Body, chunks, abort)))
        .Where(c => !JsonValidity.IsValid(c.Answer.Body)),
        from stream in SseStreams.Unreadable
        from chunks in Chunking.Of(stream.Bytes)
        select StreamCase(stream, chunks) with { Generator = "invalid" });

    /// <summary>One known scalar property of a model-returning call's example replaced by a value its CLR type cannot hold.</summary>
    public static Gen<WrongKindCase> WrongKinds { get; } =
        from target in Gen.Elements(WrongKindTargets())
        from raw in Gen.Elements<string>(WrongKindValues.ForClrType(target.Type)!)
        from transport in Transports.JsonSuccess
        let body = Bytes.Splice(ResponseExamples.Bytes(target.Call.Example!), target.Slot.Start, target.Slot.End, Bytes.Utf8(raw))
        from chunks in Chunking.Of(body)
        select new WrongKindCase(
            new FuzzCase("wrong-kind", target.Call, $"{raw} at {target.Slot.PathText} ({target.Type.Name} property)", Answer(transport, body, chunks, abort: false)),
            target.Slot,
            raw);

    /// <summary>Everything above, in the proportions the runner uses.</summary>
    public static Gen<FuzzCase> Any { get; } = Gen.Frequency(
        (10, Json),
        (5, Stream),
        (2, ValidSplits.Select(s => s.Split)),
        (2, InvalidSuccesses),
        (2, WrongKinds.Select(w => w.Case)));

    /// <summary>The case number <paramref name="index"/> of a run with <paramref name="seed"/>: the same case on every machine and in every run.</summary>
    public static T Sample<T>(Gen<T> generator, ulong seed, int index) =>
        generator.Sample(1, new Rnd(seed + ((ulong)index * 0x9E3779B97F4A7C15UL)), 50)[0];

    private static Answer Answer(Transport transport, byte[] body, int[] chunks, bool abort) =>
        new(transport.Status, transport.ContentType, body, chunks, abort) { Headers = transport.Headers };

    private static FuzzCase StreamCase(SseBody stream, int[] chunks) =>
        new("stream", CallCatalog.ChatStream, stream.Description, new Answer(200, "text/event-stream", stream.Bytes, chunks, stream.Abort));

    private static (ClientCall Call, JsonSlot Slot, Type Type)[] WrongKindTargets() =>
    [
        .. from call in CallCatalog.ReturningModels
           from slot in JsonSlots.Scan(ResponseExamples.Bytes(call.Example!))
           where slot.Path.Count > 0 && slot.Kind != System.Text.Json.JsonTokenType.StartObject && slot.Kind != System.Text.Json.JsonTokenType.StartArray
           let type = ModelPaths.ScalarType(call.ModelType!, slot.Path)
           where type is not null
           select (call, slot, type),
    ];
}
