using System.Net.Http.Headers;

namespace Nebius.TokenFactory;

/// <summary>The parts of a failed response that a <see cref="NebiusApiException"/> is built from.</summary>
public sealed class NebiusErrorDetails
{
    /// <summary>Creates the details.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="headers">The response headers (case-insensitive names).</param>
    public NebiusErrorDetails(int statusCode, IDictionary<string, IEnumerable<string>>? headers = null)
    {
        StatusCode = statusCode;
        Headers = new Dictionary<string, IEnumerable<string>>(headers ?? new Dictionary<string, IEnumerable<string>>(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The response headers.</summary>
    public IDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>The server's detail text, if any.</summary>
    public string? Detail { get; init; }

    /// <summary>Field-level validation problems, if any.</summary>
    public IReadOnlyList<NebiusValidationIssue> ValidationErrors { get; init; } = [];

    /// <summary>A trimmed non-JSON body, if that is all there was.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>The generated error model the body was parsed into (e.g. <c>HTTPValidationError</c>), when it was JSON.</summary>
    public Microsoft.Kiota.Abstractions.Serialization.IParsable? ErrorModel { get; init; }

    /// <summary>The Retry-After header as a delay (seconds or an HTTP date).</summary>
    public TimeSpan? RetryAfter => ParseRetryAfter(Header("Retry-After"), DateTimeOffset.UtcNow);

    /// <summary>The first value of a header, or null.</summary>
    /// <param name="name">The header name.</param>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>Reads a Retry-After value given as seconds or as an HTTP date (RFC 9110 §10.2.3).</summary>
    /// <param name="value">The header value.</param>
    /// <param name="now">The current time, for dates.</param>
    internal static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (RetryConditionHeaderValue.TryParse(value, out var parsed))
        {
            if (parsed.Delta is { } delta)
            {
                return delta;
            }

            if (parsed.Date is { } date)
            {
                var wait = date - now;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        // A number of seconds beyond what a TimeSpan holds is as good as forever; the retry handler caps the wait anyway.
        return double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? seconds < TimeSpan.MaxValue.TotalSeconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.MaxValue
            : null;
    }
}
