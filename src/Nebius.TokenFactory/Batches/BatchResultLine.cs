using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.Batches;

/// <summary>One line of a batch output or error file, typed.</summary>
/// <typeparam name="TResponse">The endpoint's response: <see cref="ChatCompletionResponse"/> or <see cref="EmbeddingResponse"/>.</typeparam>
public sealed class BatchResultLine<TResponse>
    where TResponse : class
{
    /// <summary>The code in the <see cref="Error"/> of a malformed line.</summary>
    internal const string MalformedCode = "malformed_line";

    /// <summary>The line's request id (<c>batch_req_…</c>), when given.</summary>
    public string? Id { get; init; }

    /// <summary>The <c>custom_id</c> of the input line this answers (empty for a malformed line whose id could not be read).</summary>
    public required string CustomId { get; init; }

    /// <summary>The response, or null when the line failed.</summary>
    public TResponse? Response { get; init; }

    /// <summary>The HTTP status of the line when the file carries one (the OpenAI line shape), else null.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Why the line failed, or null.</summary>
    public BatchLineError? Error { get; init; }

    /// <summary>The 1-based line number in its file, for error messages.</summary>
    public int LineNumber { get; init; }

    /// <summary>
    /// Whether the line could not be read (lenient reading only, <see cref="BatchReadMode.Lenient"/>): it has no
    /// response, and its <see cref="Error"/> (code <c>malformed_line</c>) says what is wrong.
    /// </summary>
    public bool IsMalformed { get; init; }

    /// <summary>Whether the line carries a response and no error.</summary>
    public bool Succeeded => Response is not null && Error is null && (StatusCode is null or (>= 200 and < 300));

    /// <summary>The stand-in for a line that could not be read.</summary>
    internal static BatchResultLine<TResponse> Malformed(int lineNumber, string? customId, string message) => new()
    {
        CustomId = customId ?? string.Empty,
        LineNumber = lineNumber,
        IsMalformed = true,
        Error = new BatchLineError { Code = MalformedCode, Message = message },
    };
}
