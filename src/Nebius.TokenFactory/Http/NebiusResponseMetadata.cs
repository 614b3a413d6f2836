using Microsoft.Kiota.Abstractions;

namespace Nebius.TokenFactory;

/// <summary>
/// What a successful (or failed) response said about itself: status, request id, rate limits. Pass an
/// instance with <see cref="NebiusCallOptions.CaptureResponse{T}"/>; it is filled when the response arrives.
/// </summary>
public sealed class NebiusResponseMetadata : IRequestOption
{
    /// <summary>The HTTP status code, once a response arrived.</summary>
    public int? StatusCode { get; internal set; }

    /// <summary>The <c>x-request-id</c> header.</summary>
    public string? RequestId { get; internal set; }

    /// <summary>The <c>x-inference-id</c> header (inference calls).</summary>
    public string? InferenceId { get; internal set; }

    /// <summary>The rate-limit headers, when present.</summary>
    public NebiusRateLimit? RateLimit { get; internal set; }

    /// <summary>How many attempts the call took (1 when it was not retried).</summary>
    public int Attempts { get; internal set; }

    /// <summary>All response headers, names case-insensitive.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; internal set; } = new Dictionary<string, string>();

    internal void Fill(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(", ", values);
        }

        StatusCode = (int)response.StatusCode;
        Headers = headers;
        RequestId = headers.GetValueOrDefault("x-request-id");
        InferenceId = headers.GetValueOrDefault("x-inference-id");
        RateLimit = NebiusRateLimit.FromHeaders(name => headers.GetValueOrDefault(name));
    }
}
