using System.Net.Http.Headers;
using Nebius.TokenFactory;

namespace Nebius.ContractCheck.Upstream;

/// <summary>The upstream document could not be read: no connection, a timeout, an error status, a missing file.</summary>
internal sealed class UpstreamUnreachableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads the API's own OpenAPI document from a URL or a local file. The API key goes along as a bearer token only
/// when it is set, the URL is https and the host is the Token Factory's (<see cref="MaySendKey"/>): a key must
/// never reach another host or travel in clear text. Redirects are not followed, so a key cannot be carried elsewhere.
/// </summary>
internal sealed class UpstreamSource(HttpMessageHandler handler, string? apiKey, TimeSpan timeout)
{
    public const string DefaultUrl = "https://api.tokenfactory.nebius.com/openapi.json";

    /// <summary>The handler used outside tests: a short connect timeout, so CI without network gives up quickly.</summary>
    public static HttpMessageHandler DefaultHandler(TimeSpan connectTimeout) =>
        new SocketsHttpHandler { ConnectTimeout = connectTimeout, AllowAutoRedirect = false };

    /// <summary>True for https to <c>api.tokenfactory.nebius.com</c>, the regional hosts of <see cref="NebiusEndpoints"/> and any host under <c>tokenfactory.nebius.com</c>.</summary>
    public static bool MaySendKey(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        var host = url.IdnHost;
        return new[] { NebiusEndpoints.Default, NebiusEndpoints.EuWest1, NebiusEndpoints.UsCentral1 }.Any(known => string.Equals(known.IdnHost, host, StringComparison.OrdinalIgnoreCase))
            || host.EndsWith(".tokenfactory.nebius.com", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The document's text; <paramref name="source"/> is an http(s) URL or a path (relative to <paramref name="root"/>).</summary>
    public async Task<string> ReadAsync(string source, string root, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return await FetchAsync(url, cancellationToken).ConfigureAwait(false);
        }

        var path = Path.GetFullPath(source, root);
        return File.Exists(path)
            ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)
            : throw new UpstreamUnreachableException($"{path} does not exist");
    }

    private async Task<string> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(handler, disposeHandler: false) { Timeout = timeout };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(apiKey) && MaySendKey(url))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new UpstreamUnreachableException($"{url} answered HTTP {(int)response.StatusCode}");
            }

            return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new UpstreamUnreachableException($"{url} could not be reached ({ex.Message})", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UpstreamUnreachableException($"{url} did not answer within {timeout.TotalSeconds:0} s", ex);
        }
    }
}
