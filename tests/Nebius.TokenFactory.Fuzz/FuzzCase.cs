using Nebius.TokenFactory.Fuzz.Calls;
using Nebius.TokenFactory.Fuzz.Json;
using Nebius.TokenFactory.Fuzz.Server;

namespace Nebius.TokenFactory.Fuzz;

/// <summary>One fuzz case: a client call and the answer the server gives it.</summary>
/// <param name="Generator">The generator that made it (<c>json</c>, <c>stream</c>, <c>split</c>, <c>invalid</c>, <c>wrong-kind</c>).</param>
/// <param name="Call">The client call made.</param>
/// <param name="Mutation">What was done to the example or the stream, in words.</param>
/// <param name="Answer">What the server sends.</param>
internal sealed record FuzzCase(string Generator, ClientCall Call, string Mutation, Answer Answer)
{
    /// <summary>Everything needed to reproduce the case by hand: the call, status and headers, writes, and the body bytes.</summary>
    public string Repro =>
        $"{Generator}: {Call.Name}{(Call.Example is null ? "" : $" ({Call.Example})")} ← {Answer.Status} {Answer.ContentType ?? "(no content type)"}"
        + string.Concat(Answer.Headers.Select(h => $", {h.Key}: {h.Value}"))
        + $"; {Mutation}; {Answer.Body.Length} bytes in {Answer.Chunks.Count} write(s)"
        + (Answer.AbortAfterBody ? ", then the connection reset" : "")
        + $"; body: {Bytes.Escape(Answer.Body)}";

    // FsCheck prints the counterexample with ToString: make it the repro.
    public override string ToString() => Repro;
}
