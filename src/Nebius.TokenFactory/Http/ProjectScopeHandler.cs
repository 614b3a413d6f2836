using System.Text.Json.Nodes;

namespace Nebius.TokenFactory.Http;

/// <summary>
/// Adds <c>ai_project_id</c> to every request when the client has a project, unless the call set its
/// own (through the generated query parameters). Done at the HTTP level so that every operation kind,
/// streams and uploads included, is scoped the same way. The live spec declares the parameter on only some
/// operations, but FastAPI ignores an undeclared query parameter, so sending it everywhere is harmless.
/// </summary>
/// <remarks>
/// Some calls take the project in the JSON body instead (<c>POST /v1/datasets</c>, <c>POST /v1/operations</c>;
/// audit finding 21): those whose request body the spec declares with <c>ai_project_id</c>
/// (<see cref="OperationFacts.ProjectBodyPostPaths"/>). For those the body gets the same project unless the caller
/// set the field. The body is rewritten on the outgoing message only, so the caller's request object is never changed.
/// </remarks>
internal sealed class ProjectScopeHandler(string projectId) : DelegatingHandler
{
    private const string Parameter = "ai_project_id";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var project = projectId;
        if (request.RequestUri is { } uri)
        {
            if (FindParameter(uri.Query) is { } own)
            {
                project = own;
            }
            else
            {
                var separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
                request.RequestUri = new Uri(uri.GetLeftPart(UriPartial.Path) + (string.IsNullOrEmpty(uri.Query) ? string.Empty : uri.Query) + separator + Parameter + "=" + Uri.EscapeDataString(projectId) + uri.Fragment);
            }

            if (request.Method == HttpMethod.Post && IsBodyScoped(uri) && request.Content is { } content && IsJson(content))
            {
                await ScopeBodyAsync(request, content, project, cancellationToken).ConfigureAwait(false);
            }
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsBodyScoped(Uri uri)
    {
        var path = uri.AbsolutePath.TrimEnd('/');
        return OperationFacts.ProjectBodyPostPaths.Any(p => path.EndsWith(p, StringComparison.Ordinal));
    }

    private static bool IsJson(HttpContent content) =>
        content.Headers.ContentType?.MediaType is { } type && type.EndsWith("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Replaces the message body by a copy that names the project, when the body does not name one.</summary>
    private static async Task ScopeBodyAsync(HttpRequestMessage request, HttpContent content, string project, CancellationToken cancellationToken)
    {
        var bytes = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (JsonNode.Parse(bytes) is not JsonObject body || body.ContainsKey(Parameter))
        {
            request.Content = new ByteArrayContent(bytes);
        }
        else
        {
            body[Parameter] = project;
            request.Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()));
        }

        foreach (var header in content.Headers.Where(h => !string.Equals(h.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)))
        {
            request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        content.Dispose();
    }

    private static string? FindParameter(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (string.Equals(Uri.UnescapeDataString(parts[0]), Parameter, StringComparison.Ordinal))
            {
                return parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty;
            }
        }

        return null;
    }
}
