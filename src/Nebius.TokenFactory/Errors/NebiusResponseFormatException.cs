using System.Globalization;

namespace Nebius.TokenFactory;

/// <summary>
/// The server answered with a success status, but the body could not be read as the operation's result:
/// malformed or truncated JSON, invalid UTF-8, nesting deeper than the reader allows, or a content type the
/// operation does not return (an event stream where JSON was expected). The status and request id are the
/// answer's; <see cref="ByteOffset"/> and <see cref="Excerpt"/> show where the body went wrong.
/// </summary>
public sealed class NebiusResponseFormatException : NebiusApiException
{
    private readonly string _message;

    /// <summary>Creates the exception.</summary>
    /// <param name="details">The status and headers of the answer; its <see cref="NebiusErrorDetails.Detail"/> says what was wrong with the body.</param>
    /// <param name="contentType">The answer's <c>Content-Type</c>.</param>
    /// <param name="byteOffset">Where in the body reading failed, when the reader could tell.</param>
    /// <param name="excerpt">The body around <paramref name="byteOffset"/> (or its start), with secrets redacted.</param>
    /// <param name="innerException">The reader's own error.</param>
    public NebiusResponseFormatException(NebiusErrorDetails details, string? contentType, long? byteOffset, string? excerpt, Exception? innerException = null)
        : base(details, innerException)
    {
        ContentType = contentType;
        ByteOffset = byteOffset;
        Excerpt = excerpt;
        _message = BodyFaultText.Describe($"The server answered {StatusCode.ToString(CultureInfo.InvariantCulture)} but its body could not be read", Detail, contentType, byteOffset, excerpt, RequestId);
    }

    /// <summary>The answer's <c>Content-Type</c>, as sent.</summary>
    public string? ContentType { get; }

    /// <summary>The zero-based offset in the body's bytes where reading failed, when the reader could tell.</summary>
    public long? ByteOffset { get; }

    /// <summary>A short piece of the body around <see cref="ByteOffset"/> (or its start), control characters escaped, the API key redacted.</summary>
    public string? Excerpt { get; }

    /// <inheritdoc />
    public override string Message => _message;
}
