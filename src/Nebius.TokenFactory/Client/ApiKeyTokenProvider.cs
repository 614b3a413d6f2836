using Microsoft.Kiota.Abstractions.Authentication;

namespace Nebius.TokenFactory;

/// <summary>
/// Supplies the API key to Kiota's bearer-token provider, which sends <c>Authorization: Bearer &lt;key&gt;</c>.
/// Kiota's ApiKeyAuthenticationProvider is not used: it sends no "Bearer" prefix and refuses the
/// loopback http:// servers that tests and fakes run on. Plain http is still refused for any other host.
/// </summary>
internal sealed class ApiKeyTokenProvider(string apiKey) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new();

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Scheme != Uri.UriSchemeHttps && !NebiusEndpoints.IsLoopback(uri))
        {
            throw new InvalidOperationException($"Refusing to send the API key over plain http to {uri.Host}; use https.");
        }

        return Task.FromResult(apiKey);
    }

    /// <summary>Never print the key.</summary>
    public override string ToString() => nameof(ApiKeyTokenProvider);
}
