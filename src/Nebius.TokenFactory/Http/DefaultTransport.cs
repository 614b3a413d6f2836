using System.Net;

namespace Nebius.TokenFactory.Http;

/// <summary>
/// The innermost handler a client gets unless the caller supplies one: Kiota's defaults (no automatic
/// redirects, since the pipeline's redirect handler follows them; every decompression; several HTTP/2
/// connections) plus a bounded connection lifetime.
/// </summary>
internal static class DefaultTransport
{
    /// <summary>
    /// How long a pooled connection lives. A client is long-lived (one per application, or a DI singleton whose
    /// handler never rotates), so connections must be recycled for DNS changes (a regional fail-over) to be seen.
    /// </summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    public static SocketsHttpHandler Create() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        EnableMultipleHttp2Connections = true,
        PooledConnectionLifetime = PooledConnectionLifetime,
    };
}
