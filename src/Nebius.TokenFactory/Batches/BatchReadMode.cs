namespace Nebius.TokenFactory.Batches;

/// <summary>What reading a batch result file does with a line it cannot read (not JSON, no <c>custom_id</c>, a response that does not parse).</summary>
public enum BatchReadMode
{
    /// <summary>
    /// The default: the first such line fails the read with an <see cref="InvalidDataException"/> whose message names
    /// its line number and, when it can be read, its <c>custom_id</c> (also in the exception's <c>Data</c>, under
    /// <c>"LineNumber"</c> and <c>"CustomId"</c>). A garbled file is never taken for a smaller result.
    /// </summary>
    Strict,

    /// <summary>
    /// Each such line becomes a result line of its own (<see cref="BatchResultLine{TResponse}.IsMalformed"/>, with the
    /// reason in its <c>Error</c>) and reading goes on; joined to the inputs it is <see cref="BatchItemOutcome.Malformed"/>.
    /// </summary>
    Lenient,
}
