using System.Net;

namespace Nebius.TokenFactory;

/// <summary>The Token Factory hosts, and the rules a base URL must follow.</summary>
public static class NebiusEndpoints
{
    /// <summary>The main host: control plane and the eu-north1 data plane.</summary>
    public static Uri Default { get; } = new("https://api.tokenfactory.nebius.com");

    /// <summary>The eu-west1 data plane (dedicated-endpoint inference).</summary>
    public static Uri EuWest1 { get; } = new("https://api.tokenfactory.eu-west1.nebius.com");

    /// <summary>The us-central1 data plane (dedicated-endpoint inference).</summary>
    public static Uri UsCentral1 { get; } = new("https://api.tokenfactory.us-central1.nebius.com");

    /// <summary>
    /// Checks a base URL and brings it to the form the generated paths expect: absolute, https (plain
    /// http only for loopback hosts such as test servers), no query, no trailing slash or <c>/v1</c>.
    /// </summary>
    /// <param name="baseUrl">The URL to check.</param>
    /// <param name="parameterName">The option or argument name used in the exception.</param>
    public static Uri Normalize(Uri? baseUrl, string parameterName = "baseUrl")
    {
        if (baseUrl is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (!baseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException($"The base URL must be absolute, got '{baseUrl}'.", parameterName);
        }

        if (baseUrl.Scheme != Uri.UriSchemeHttps && !(baseUrl.Scheme == Uri.UriSchemeHttp && IsLoopback(baseUrl)))
        {
            throw new ArgumentException($"The base URL must use https (plain http is allowed only for loopback hosts), got '{baseUrl.GetLeftPart(UriPartial.Authority)}'.", parameterName);
        }

        if (!string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment))
        {
            throw new ArgumentException("The base URL must not carry a query or fragment.", parameterName);
        }

        var path = baseUrl.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/v1", StringComparison.OrdinalIgnoreCase))
        {
            // OpenAI-style SDKs take ".../v1" as their base; our paths already start with /v1 or /v0.
            path = path[..^3];
        }

        return new Uri(baseUrl.GetLeftPart(UriPartial.Authority) + path);
    }

    /// <summary>Whether a URL points at this machine (127.0.0.0/8, ::1 or localhost).</summary>
    /// <param name="url">The URL to check.</param>
    public static bool IsLoopback(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsLoopback || IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address);
    }
}
