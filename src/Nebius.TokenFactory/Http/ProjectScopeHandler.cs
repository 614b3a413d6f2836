namespace Nebius.TokenFactory.Http;

/// <summary>
/// Adds <c>ai_project_id</c> to every request when the client has a project, unless the call set its
/// own (through the generated query parameters). Done at the HTTP level so that every operation kind,
/// streams and uploads included, is scoped the same way.
/// </summary>
internal sealed class ProjectScopeHandler(string projectId) : DelegatingHandler
{
    private const string Parameter = "ai_project_id";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && !HasParameter(uri.Query))
        {
            var separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
            request.RequestUri = new Uri(uri.GetLeftPart(UriPartial.Path) + (string.IsNullOrEmpty(uri.Query) ? string.Empty : uri.Query) + separator + Parameter + "=" + Uri.EscapeDataString(projectId) + uri.Fragment);
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static bool HasParameter(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = pair.Split('=', 2)[0];
            if (string.Equals(Uri.UnescapeDataString(name), Parameter, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
