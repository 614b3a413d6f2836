using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.Batches;

/// <summary>How one input line of a batch ended.</summary>
public enum BatchItemOutcome
{
    /// <summary>The line has a response.</summary>
    Succeeded,

    /// <summary>The line has an error (from the error file, or an error status in the output file).</summary>
    Failed,

    /// <summary>No result line names this <c>custom_id</c> (e.g. the batch expired or was cancelled first).</summary>
    Missing,

    /// <summary>The only result line naming this <c>custom_id</c> could not be read (lenient reading, <see cref="BatchReadMode.Lenient"/>).</summary>
    Malformed,
}

/// <summary>One input line joined with its result.</summary>
/// <typeparam name="TRequest">The request body type.</typeparam>
/// <typeparam name="TResponse">The response type.</typeparam>
public sealed class BatchItemResult<TRequest, TResponse>
    where TResponse : class
{
    /// <summary>The line's <c>custom_id</c>.</summary>
    public required string CustomId { get; init; }

    /// <summary>The caller's request for this line.</summary>
    public required TRequest Request { get; init; }

    /// <summary>The response, when the line succeeded.</summary>
    public TResponse? Response => Line?.Response;

    /// <summary>Why the line failed, when it did.</summary>
    public BatchLineError? Error => Line?.Error;

    /// <summary>The result line, or null when none came back.</summary>
    public BatchResultLine<TResponse>? Line { get; init; }

    /// <summary>How the line ended.</summary>
    public BatchItemOutcome Outcome => Line switch
    {
        null => BatchItemOutcome.Missing,
        { IsMalformed: true } => BatchItemOutcome.Malformed,
        { Succeeded: true } => BatchItemOutcome.Succeeded,
        _ => BatchItemOutcome.Failed,
    };
}

/// <summary>The caller's inputs joined with a batch's results by <c>custom_id</c>, in input order.</summary>
/// <typeparam name="TRequest">The request body type.</typeparam>
/// <typeparam name="TResponse">The response type.</typeparam>
public sealed class BatchJoinResult<TRequest, TResponse>
    where TResponse : class
{
    internal BatchJoinResult(IReadOnlyList<BatchItemResult<TRequest, TResponse>> items, IReadOnlyList<BatchResultLine<TResponse>> unmatched, IReadOnlyList<BatchResultLine<TResponse>> malformed)
    {
        Items = items;
        Unmatched = unmatched;
        Malformed = malformed;
    }

    /// <summary>One entry per input, in the order the inputs were given.</summary>
    public IReadOnlyList<BatchItemResult<TRequest, TResponse>> Items { get; }

    /// <summary>Readable result lines whose <c>custom_id</c> is not among the inputs.</summary>
    public IReadOnlyList<BatchResultLine<TResponse>> Unmatched { get; }

    /// <summary>Every result line that could not be read, in the order read (lenient reading only; those whose <c>custom_id</c> is known also mark their input <see cref="BatchItemOutcome.Malformed"/>).</summary>
    public IReadOnlyList<BatchResultLine<TResponse>> Malformed { get; }

    /// <summary>Inputs that got a response.</summary>
    public int SucceededCount => Items.Count(i => i.Outcome == BatchItemOutcome.Succeeded);

    /// <summary>Inputs that got an error.</summary>
    public int FailedCount => Items.Count(i => i.Outcome == BatchItemOutcome.Failed);

    /// <summary>Inputs that got no result line.</summary>
    public int MissingCount => Items.Count(i => i.Outcome == BatchItemOutcome.Missing);

    /// <summary>Inputs whose result line could not be read (lenient reading only).</summary>
    public int MalformedCount => Items.Count(i => i.Outcome == BatchItemOutcome.Malformed);
}

/// <summary>Joins result lines, which arrive in any order, back to the inputs by <c>custom_id</c>.</summary>
public static class BatchJoin
{
    /// <summary>
    /// Reads every result line of <paramref name="results"/> (output and error files, in any order) and pairs
    /// it with its input. When two lines name the same id, a success beats an error, else the first one stays.
    /// </summary>
    /// <typeparam name="TRequest">The request body type.</typeparam>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="inputs">The inputs by <c>custom_id</c>, in the order the result should keep.</param>
    /// <param name="results">The result lines, e.g. from <see cref="BatchResultReader"/>; several sources are read one after another.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="ArgumentException">Two inputs share a <c>custom_id</c>.</exception>
    /// <exception cref="InvalidDataException">A result line could not be read (strict, as the default reading is).</exception>
    public static Task<BatchJoinResult<TRequest, TResponse>> JoinAsync<TRequest, TResponse>(
        IEnumerable<KeyValuePair<string, TRequest>> inputs,
        IEnumerable<IAsyncEnumerable<BatchResultLine<TResponse>>> results,
        CancellationToken cancellationToken = default)
        where TResponse : class =>
        JoinAsync(inputs, results, BatchReadMode.Strict, cancellationToken);

    /// <summary>
    /// As <see cref="JoinAsync{TRequest, TResponse}(IEnumerable{KeyValuePair{string, TRequest}}, IEnumerable{IAsyncEnumerable{BatchResultLine{TResponse}}}, CancellationToken)"/>,
    /// with the mode the results were read in: strict fails at a malformed line (one a lenient reader let through),
    /// lenient joins it to its input as <see cref="BatchItemOutcome.Malformed"/> and lists it in <see cref="BatchJoinResult{TRequest, TResponse}.Malformed"/>.
    /// A readable line beats a malformed one for the same id.
    /// </summary>
    /// <typeparam name="TRequest">The request body type.</typeparam>
    /// <typeparam name="TResponse">The response type.</typeparam>
    /// <param name="inputs">The inputs by <c>custom_id</c>, in the order the result should keep.</param>
    /// <param name="results">The result lines, read with <see cref="BatchResultReader"/> in the same mode.</param>
    /// <param name="mode">Strict or lenient, as the reading.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="ArgumentException">Two inputs share a <c>custom_id</c>, or <paramref name="mode"/> is not a defined value.</exception>
    /// <exception cref="InvalidDataException">Strict mode, and a result line could not be read.</exception>
    public static async Task<BatchJoinResult<TRequest, TResponse>> JoinAsync<TRequest, TResponse>(
        IEnumerable<KeyValuePair<string, TRequest>> inputs,
        IEnumerable<IAsyncEnumerable<BatchResultLine<TResponse>>> results,
        BatchReadMode mode,
        CancellationToken cancellationToken = default)
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(results);
        BatchResultReader.CheckMode(mode, nameof(mode));
        var order = new List<KeyValuePair<string, TRequest>>();
        var lines = new Dictionary<string, BatchResultLine<TResponse>?>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (!lines.TryAdd(input.Key, null))
            {
                throw new ArgumentException($"The custom_id '{input.Key}' appears twice among the inputs.", nameof(inputs));
            }

            order.Add(input);
        }

        var unmatched = new List<BatchResultLine<TResponse>>();
        var malformed = new List<BatchResultLine<TResponse>>();
        foreach (var source in results)
        {
            await foreach (var line in source.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (line.IsMalformed)
                {
                    if (mode == BatchReadMode.Strict)
                    {
                        throw BatchLineFailure.Create(line.Error?.Message ?? $"Line {line.LineNumber} of a batch file cannot be read.", line.LineNumber, line.CustomId.Length == 0 ? null : line.CustomId);
                    }

                    malformed.Add(line);
                }

                // A malformed line whose id could not be read has an empty one, which must not match an input named "".
                var named = !line.IsMalformed || line.CustomId.Length > 0;
                if (named && lines.TryGetValue(line.CustomId, out var existing))
                {
                    if (existing is null || (!existing.Succeeded && line.Succeeded) || (existing.IsMalformed && !line.IsMalformed))
                    {
                        lines[line.CustomId] = line;
                    }
                }
                else if (!line.IsMalformed)
                {
                    // A malformed line with an id that is no input's (or none) is listed in Malformed only.
                    unmatched.Add(line);
                }
            }
        }

        var items = order.Select(input => new BatchItemResult<TRequest, TResponse> { CustomId = input.Key, Request = input.Value, Line = lines[input.Key] }).ToList();
        return new BatchJoinResult<TRequest, TResponse>(items, unmatched, malformed);
    }
}
