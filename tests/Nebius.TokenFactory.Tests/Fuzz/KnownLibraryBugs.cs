namespace Nebius.TokenFactory.Tests.Fuzz;

/// <summary>
/// Why fuzz properties are skipped: library bugs they found that are not fixed yet (measured on branch fuzz after
/// merging typed at de2654f). Each property stays whole; delete its Skip when the bugs named here are fixed, and
/// make the fuzz step of .ci/run gating again once the runner reports 0 untyped.
/// </summary>
internal static class KnownLibraryBugs
{
    public const string UntypedJsonOutcomes =
        "Library bugs (#17): Retry-After 99999999999999999999 throws OverflowException (NebiusErrorDetails.ParseRetryAfter, "
        + "TimeSpan.FromSeconds); an error status with a non-JSON content type (or none) and a lone surrogate escape in its detail "
        + "({\"detail\":\"x\\ud800\"}) throws InvalidOperationException (NonJsonErrorHandler.TryReadDetail, GetString), and one whose "
        + "body breaks off throws IOException (NonJsonErrorHandler reads the stream unguarded); an embedding without a vector "
        + "({\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0}]}) makes EmbedAsync throw InvalidOperationException "
        + "(Embedding.ToVector).";

    public const string UntypedStreamOutcomes =
        "Library bug (#17): a 429 or 503 answer to the stream with Retry-After: 99999999999999999999 throws OverflowException "
        + "(NebiusErrorDetails.ParseRetryAfter, TimeSpan.FromSeconds).";

    public const string InvalidUtf8ReadAsSuccess =
        "Library bugs (#17): invalid UTF-8 in a property name reads as a success, the name decoded with U+FFFD "
        + "({\"name\\xC3\":\"x\"} → AdditionalData[\"name\\uFFFD\"]; JsonModelReader.ReadFields decodes names with the lenient "
        + "Encoding.UTF8); invalid UTF-8 inside a string of a non-string property reads as a success ({\"created_at\":\"2026-07-14\\xFFT00:00:00Z\"} "
        + "for DedicatedEndpoint, kept raw in AdditionalData).";

    public const string DefaultedPropertyWrittenTwice =
        "Library bug (#17): a wrong-kind value for a property whose model sets a default (object, role, …) is kept in "
        + "AdditionalData but the default stays in the typed property, so the model serializes the key twice: "
        + "{\"object\":42,\"data\":[]} from GET /v1/fine_tuning/jobs/{id}/events is written back as {\"data\":[],\"object\":\"list\",\"object\":42}.";
}
