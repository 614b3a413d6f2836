using System.Globalization;
using Microsoft.Kiota.Abstractions;

namespace Nebius.TokenFactory;

/// <summary>
/// The API answered with an error. Every failure the server reports, whatever the operation or the
/// body format, arrives as this type or one of its subclasses, with the status, the server's detail,
/// the request id and the rate-limit state.
/// </summary>
public class NebiusApiException : ApiException
{
    private readonly string _message;

    /// <summary>Creates the exception from what the response said.</summary>
    /// <param name="details">The parts of the failed response.</param>
    /// <param name="innerException">The generated error model or transport error behind it, if any.</param>
    public NebiusApiException(NebiusErrorDetails details, Exception? innerException = null)
        : base(string.Empty, innerException!) // Exception accepts a null inner exception; Kiota's signature just does not say so.
    {
        ArgumentNullException.ThrowIfNull(details);
        StatusCode = details.StatusCode;
        ResponseStatusCode = details.StatusCode;
        ResponseHeaders = details.Headers;
        Detail = details.Detail;
        ValidationErrors = details.ValidationErrors;
        ResponseBody = details.ResponseBody;
        ErrorModel = details.ErrorModel;
        RequestId = details.Header("x-request-id");
        RetryAfter = details.RetryAfter;
        RateLimit = NebiusRateLimit.FromHeaders(details.Header);
        _message = BuildMessage();
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The server's explanation (its <c>detail</c> text, or a summary of the validation errors), when it gave one.</summary>
    public string? Detail { get; }

    /// <summary>The field-level problems of a 422 (or a <c>detail</c> list on another status); empty otherwise.</summary>
    public IReadOnlyList<NebiusValidationIssue> ValidationErrors { get; }

    /// <summary>The start of a body that was not JSON (an HTML page from a proxy, say), trimmed; null for JSON bodies.</summary>
    public string? ResponseBody { get; }

    /// <summary>The generated error model the JSON body was parsed into (cast it to e.g. <c>HTTPValidationError</c>); null for other bodies.</summary>
    public Microsoft.Kiota.Abstractions.Serialization.IParsable? ErrorModel { get; }

    /// <summary>The <c>x-request-id</c> response header: quote it when asking Nebius support.</summary>
    public string? RequestId { get; }

    /// <summary>How long the server asked the client to wait (<c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The rate-limit headers of the response, when present.</summary>
    public NebiusRateLimit? RateLimit { get; }

    /// <inheritdoc />
    public override string Message => _message;

    /// <summary>Picks the subclass that fits the status.</summary>
    /// <param name="details">The parts of the failed response.</param>
    /// <param name="innerException">The generated error model or transport error behind it, if any.</param>
    public static NebiusApiException Create(NebiusErrorDetails details, Exception? innerException = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        return details.StatusCode switch
        {
            400 => new NebiusBadRequestException(details, innerException),
            401 or 403 => new NebiusAuthenticationException(details, innerException),
            404 => new NebiusNotFoundException(details, innerException),
            422 => new NebiusValidationException(details, innerException),
            429 => new NebiusRateLimitException(details, innerException),
            >= 500 => new NebiusServerException(details, innerException),
            _ => new NebiusApiException(details, innerException),
        };
    }

    private string BuildMessage()
    {
        var text = $"Nebius API error {StatusCode.ToString(CultureInfo.InvariantCulture)}";
        if (!string.IsNullOrEmpty(Detail))
        {
            text += ": " + Detail;
        }
        else if (!string.IsNullOrEmpty(ResponseBody))
        {
            text += ": " + ResponseBody;
        }

        if (RetryAfter is { } wait)
        {
            text += $" (retry after {wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s)";
        }

        if (RequestId is not null)
        {
            text += $" [request id {RequestId}]";
        }

        return text;
    }
}

/// <summary>400: the request was malformed.</summary>
/// <param name="details">The parts of the failed response.</param>
/// <param name="innerException">The cause, if any.</param>
public sealed class NebiusBadRequestException(NebiusErrorDetails details, Exception? innerException = null) : NebiusApiException(details, innerException);

/// <summary>401 or 403: the API key is missing, wrong, or not allowed to do this.</summary>
/// <param name="details">The parts of the failed response.</param>
/// <param name="innerException">The cause, if any.</param>
public sealed class NebiusAuthenticationException(NebiusErrorDetails details, Exception? innerException = null) : NebiusApiException(details, innerException);

/// <summary>404: no such resource (or, for a new dedicated endpoint, not routable yet).</summary>
/// <param name="details">The parts of the failed response.</param>
/// <param name="innerException">The cause, if any.</param>
public sealed class NebiusNotFoundException(NebiusErrorDetails details, Exception? innerException = null) : NebiusApiException(details, innerException);

/// <summary>422: the server's validator rejected fields of the request; see <see cref="NebiusApiException.ValidationErrors"/>.</summary>
/// <param name="details">The parts of the failed response.</param>
/// <param name="innerException">The cause, if any.</param>
public sealed class NebiusValidationException(NebiusErrorDetails details, Exception? innerException = null) : NebiusApiException(details, innerException);

/// <summary>429: a rate limit was hit; <see cref="NebiusApiException.RetryAfter"/> says when to try again.</summary>
/// <param name="details">The parts of the failed response.</param>
/// <param name="innerException">The cause, if any.</param>
public sealed class NebiusRateLimitException(NebiusErrorDetails details, Exception? innerException = null) : NebiusApiException(details, innerException);

/// <summary>5xx: the server or a proxy in front of it failed.</summary>
/// <param name="details">The parts of the failed response.</param>
/// <param name="innerException">The cause, if any.</param>
public sealed class NebiusServerException(NebiusErrorDetails details, Exception? innerException = null) : NebiusApiException(details, innerException);
