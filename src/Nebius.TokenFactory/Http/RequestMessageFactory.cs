using System.Net.Http.Headers;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace Nebius.TokenFactory.Http;

/// <summary>
/// Turns a generated call's <see cref="RequestInformation"/> into an <see cref="HttpRequestMessage"/> the way
/// Kiota's HttpClientRequestAdapter does (options keyed by type name, headers on the message or else on the
/// content, the body as a stream), and adds what Kiota's bearer provider and UserAgentHandler would: the API
/// key and our product token, both as shared immutable header values instead of per-call work.
/// </summary>
internal sealed class RequestMessageFactory
{
    private const string AuthorizationHeader = "Authorization";

    private static readonly ProductInfoHeaderValue Product = new("Nebius.TokenFactory", NebiusPipeline.Version);

    private readonly AuthenticationHeaderValue? _authorization;
    private readonly Version _version;
    private readonly HttpVersionPolicy _versionPolicy;

    public RequestMessageFactory(string apiKey, HttpClient httpClient)
    {
        _authorization = string.IsNullOrEmpty(apiKey) ? null : new AuthenticationHeaderValue("Bearer", apiKey);
        _version = httpClient.DefaultRequestVersion;
        _versionPolicy = httpClient.DefaultVersionPolicy;
    }

    private readonly TemplateUris _templateUris = new();

    /// <summary>The message for <paramref name="request"/>, to <paramref name="baseUrl"/> (set as the <c>baseurl</c> path parameter here).</summary>
    public HttpRequestMessage Create(RequestInformation request, string baseUrl)
    {
        var onlyBaseUrl = TemplateUris.OnlyBaseUrl(request);
        request.PathParameters["baseurl"] = baseUrl;
        var uri = onlyBaseUrl ? _templateUris.UriOf(request, baseUrl) : QueryNameDecoding.Decode(request.URI);

        var message = new HttpRequestMessage(MethodOf(request.HttpMethod), uri) { Version = _version, VersionPolicy = _versionPolicy };
        foreach (var option in request.RequestOptions)
        {
            message.Options.Set(new HttpRequestOptionsKey<IRequestOption>(option.GetType().FullName!), option);
        }

        if (request.Content is { } content && content != Stream.Null)
        {
            message.Content = new StreamContent(content);
        }

        var hasAuthorization = false;
        var hasUserAgent = false;
        foreach (var header in request.Headers)
        {
            hasAuthorization |= header.Key.Equals(AuthorizationHeader, StringComparison.OrdinalIgnoreCase);
            hasUserAgent |= header.Key.Equals("User-Agent", StringComparison.OrdinalIgnoreCase);
            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        // Kiota's bearer provider leaves a caller's own Authorization header alone, and so do we.
        if (!hasAuthorization && _authorization is not null)
        {
            RefuseKeyOverPlainHttp(uri);
            message.Headers.Authorization = _authorization;
        }

        if (!hasUserAgent || !HasProduct(message.Headers.UserAgent))
        {
            message.Headers.UserAgent.Add(Product);
        }

        return message;
    }

    /// <summary>The API key travels over https only, except to a loopback test server.</summary>
    private static void RefuseKeyOverPlainHttp(Uri uri)
    {
        if (uri.Scheme != Uri.UriSchemeHttps && !NebiusEndpoints.IsLoopback(uri))
        {
            throw new InvalidOperationException($"Refusing to send the API key over plain http to {uri.Host}; use https.");
        }
    }

    private static bool HasProduct(HttpHeaderValueCollection<ProductInfoHeaderValue> userAgent)
    {
        foreach (var value in userAgent)
        {
            if (string.Equals(value.Product?.Name, Product.Product!.Name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static HttpMethod MethodOf(Method method) => method switch
    {
        Method.GET => HttpMethod.Get,
        Method.POST => HttpMethod.Post,
        Method.PUT => HttpMethod.Put,
        Method.PATCH => HttpMethod.Patch,
        Method.DELETE => HttpMethod.Delete,
        Method.HEAD => HttpMethod.Head,
        Method.OPTIONS => HttpMethod.Options,
        Method.TRACE => HttpMethod.Trace,
        Method.CONNECT => HttpMethod.Connect,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "not an HTTP method"),
    };

    /// <summary>Copies the headers a <see cref="HeadersInspectionHandlerOption"/> asks for (what Kiota's HeadersInspectionHandler does).</summary>
    public static void InspectRequest(HttpRequestMessage message, HeadersInspectionHandlerOption? option)
    {
        if (option is { InspectRequestHeaders: true })
        {
            Copy(message.Headers, option.RequestHeaders);
            if (message.Content is not null)
            {
                Copy(message.Content.Headers, option.RequestHeaders);
            }
        }
    }

    /// <inheritdoc cref="InspectRequest"/>
    public static void InspectResponse(HttpResponseMessage response, HeadersInspectionHandlerOption? option)
    {
        if (option is { InspectResponseHeaders: true })
        {
            Copy(response.Headers, option.ResponseHeaders);
            Copy(response.Content.Headers, option.ResponseHeaders);
        }
    }

    private static void Copy(HttpHeaders from, RequestHeaders to)
    {
        foreach (var header in from)
        {
            to[header.Key] = [.. header.Value];
        }
    }
}
