using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions;
using Nebius.TokenFactory.Http;

namespace Nebius.TokenFactory;

/// <summary>
/// The front door of the library: the generated API tree (<c>client.V1.Chat.Completions</c>,
/// <c>client.V0.Models</c>, …) over an HTTP pipeline with bearer auth, <c>ai_project_id</c> scoping,
/// retries, a per-call deadline and typed errors (<see cref="NebiusApiException"/>).
/// </summary>
/// <example>
/// <code>
/// using var client = new NebiusClient(new NebiusClientOptions { AiProjectId = "my-project" });
/// var models = await client.V1.Models.GetAsync();
/// </code>
/// </example>
public partial class NebiusClient : NebiusApiClient, IDisposable
{
    private readonly HttpClient? _ownedHttpClient;

    /// <summary>Creates a client from options (the API key may come from <c>NEBIUS_API_KEY</c>).</summary>
    /// <param name="options">Key, endpoint, project, deadline and retry settings; defaults when null.</param>
    /// <param name="loggerFactory">Where the client logs (calls, retries); nothing is logged when null.</param>
    /// <param name="transport">The innermost HTTP handler, e.g. a configured <see cref="SocketsHttpHandler"/>; the default when null.</param>
    /// <exception cref="ArgumentException">An option is missing or invalid (the parameter name says which).</exception>
    public NebiusClient(NebiusClientOptions? options = null, ILoggerFactory? loggerFactory = null, HttpMessageHandler? transport = null)
        : this(Build(options ?? new NebiusClientOptions(), loggerFactory, transport))
    {
    }

    /// <summary>
    /// For test doubles: a client that sends nothing. Override the virtual conveniences the code under test calls
    /// (<see cref="AskAsync"/>, <see cref="CompleteChatAsync"/>, …); anything else throws <see cref="NotSupportedException"/>.
    /// </summary>
    protected NebiusClient()
        : this((DetachedRequestAdapter.Instance, new NebiusSettings("test-double", NebiusEndpoints.Default, null, System.Threading.Timeout.InfiniteTimeSpan, new NebiusRetryOptions(), null), null))
    {
    }

    private NebiusClient((IRequestAdapter Adapter, NebiusSettings Settings, HttpClient? Owned) parts)
        : base(parts.Adapter)
    {
        Settings = parts.Settings;
        _ownedHttpClient = parts.Owned;
    }

    /// <summary>The base URL requests go to.</summary>
    public Uri BaseUrl => Settings.BaseUrl;

    /// <summary>The project requests are scoped to, if any.</summary>
    public string? AiProjectId => Settings.AiProjectId;

    internal NebiusSettings Settings { get; }

    /// <summary>Creates a client over an HttpClient whose handlers were set up already (the DI path).</summary>
    internal static NebiusClient FromConfiguredHttpClient(NebiusSettings settings, HttpClient httpClient) =>
        new((NebiusPipeline.CreateAdapter(settings, httpClient), settings, null));

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the HTTP pipeline the client created (not one it was given).</summary>
    /// <param name="disposing">Whether managed resources are released.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
        }
    }

    private static (IRequestAdapter, NebiusSettings, HttpClient?) Build(NebiusClientOptions options, ILoggerFactory? loggerFactory, HttpMessageHandler? transport)
    {
        var settings = options.Resolve();
        var httpClient = NebiusPipeline.CreateHttpClient(settings, loggerFactory?.CreateLogger<NebiusClient>(), transport);
        return (NebiusPipeline.CreateAdapter(settings, httpClient), settings, httpClient);
    }
}
