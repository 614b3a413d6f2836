using System.Collections.Concurrent;
using Microsoft.Kiota.Abstractions;

namespace Nebius.TokenFactory.Http;

/// <summary>
/// The URI of a call whose template has nothing to fill in but the base URL (chat, completions, embeddings,
/// images, …): the same <see cref="Uri"/> Kiota's RFC 6570 expansion would build, made once per template
/// and shared (a Uri is immutable). Anything else — path or query parameters, a raw URL, characters that
/// expansion would escape — goes through <see cref="RequestInformation.URI"/>.
/// </summary>
internal sealed class TemplateUris
{
    private const string BasePlaceholder = "{+baseurl}";

    private readonly ConcurrentDictionary<string, (string BaseUrl, Uri? Uri)> _byTemplate = new(StringComparer.Ordinal);

    /// <summary>Call before the adapter sets <c>baseurl</c>: a request whose URI was set by hand has no path parameters left.</summary>
    public static bool OnlyBaseUrl(RequestInformation request) =>
        request.PathParameters.Count == 1 && request.PathParameters.ContainsKey("baseurl") && request.QueryParameters.Count == 0;

    public Uri UriOf(RequestInformation request, string baseUrl)
    {
        var template = request.UrlTemplate;
        if (template is null)
        {
            return request.URI;
        }

        if (!_byTemplate.TryGetValue(template, out var cached) || !ReferenceEquals(cached.BaseUrl, baseUrl))
        {
            cached = (baseUrl, Build(template, baseUrl));
            _byTemplate[template] = cached;
        }

        return cached.Uri ?? request.URI;
    }

    /// <summary>The URI when both the base URL and the template's literal part pass expansion unchanged; otherwise null.</summary>
    private static Uri? Build(string template, string baseUrl)
    {
        if (!template.StartsWith(BasePlaceholder, StringComparison.Ordinal) || !baseUrl.All(IsKeptByReservedExpansion))
        {
            return null;
        }

        var rest = template[BasePlaceholder.Length..];
        var query = rest.IndexOf("{?", StringComparison.Ordinal);
        if (query >= 0)
        {
            // Only a trailing query expression, which expands to nothing without query parameters.
            if (!rest.EndsWith('}') || rest.IndexOf('}', query) != rest.Length - 1)
            {
                return null;
            }

            rest = rest[..query];
        }

        return rest.All(IsPlainLiteral) ? new Uri(baseUrl + rest) : null;
    }

    private static bool IsPlainLiteral(char c) => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '.' or '_' or '~';

    private static bool IsKeptByReservedExpansion(char c) =>
        char.IsAsciiLetterOrDigit(c) || "-._~:/?#[]@!$&'()*+,;=%".Contains(c, StringComparison.Ordinal);
}
