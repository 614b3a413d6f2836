using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nebius.TokenFactory.Http;

namespace Nebius.TokenFactory;

/// <summary>
/// Registers <see cref="NebiusClient"/> over <see cref="IHttpClientFactory"/>. The unnamed registration
/// resolves as <c>NebiusClient</c>; named ones (one per project or region) as keyed services. Each returns the
/// client's <see cref="IHttpClientBuilder"/>, so handlers, a proxy or a primary handler can be added to it.
/// </summary>
/// <remarks>
/// The client is a singleton: it takes its <see cref="HttpClient"/> from the factory once, over a
/// <see cref="SocketsHttpHandler"/> that recycles connections every few minutes (DNS changes are seen), so the
/// factory's handler rotation is switched off for it. Handlers added with <c>AddHttpMessageHandler</c> run inside
/// the client's own pipeline, next to the wire, once per attempt (after its retries, deadline and logging); a
/// primary handler configured on the returned builder replaces the default one. Options are checked at start-up
/// under a host (<c>ValidateOnStart</c>), otherwise when the client is first resolved.
/// </remarks>
/// <example>
/// <code>
/// services.AddNebiusTokenFactory(configuration.GetSection("Nebius"))
///     .AddHttpMessageHandler&lt;AuditHandler&gt;();
/// services.AddNebiusTokenFactory("eu-west", o => { o.BaseUrl = NebiusEndpoints.EuWest1; o.AiProjectId = "p-2"; });
/// var west = provider.GetRequiredKeyedService&lt;NebiusClient&gt;("eu-west");
/// </code>
/// </example>
public static class NebiusServiceCollectionExtensions
{
    private const string HttpClientPrefix = "Nebius.TokenFactory:";

    /// <summary>The name of the client's HttpClient in the factory (tests look at its handler chain).</summary>
    internal static string HttpClientName(string name) => HttpClientPrefix + name;

    /// <summary>Registers the default client, configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the client's named <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddNebiusTokenFactory(this IServiceCollection services, Action<NebiusClientOptions> configure) =>
        services.AddNebiusTokenFactory(Options.DefaultName, configure);

    /// <summary>Registers the default client, bound from configuration (keys match <see cref="NebiusClientOptions"/>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section.</param>
    /// <returns>The builder of the client's named <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddNebiusTokenFactory(this IServiceCollection services, IConfiguration configuration) =>
        services.AddNebiusTokenFactory(Options.DefaultName, configuration);

    /// <summary>Registers a named client (resolve it as a keyed service with that name), bound from configuration.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration name and service key.</param>
    /// <param name="configuration">The configuration section.</param>
    /// <returns>The builder of the client's named <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddNebiusTokenFactory(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddNebiusTokenFactory(name, options => configuration.Bind(options));
    }

    /// <summary>Registers a named client (resolve it as a keyed service with that name), configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration name and service key.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the client's named <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddNebiusTokenFactory(this IServiceCollection services, string name, Action<NebiusClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<NebiusClientOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NebiusClientOptions>, NebiusClientOptionsValidator>());
        var builder = services.AddHttpClient(HttpClientPrefix + name)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(DefaultTransport.Create)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
            {
                // Ours go first (outermost), so handlers the caller adds to the builder sit inside our retries.
                var pipeline = NebiusPipeline.CreateHandlers(SettingsFor(provider, name), LoggerFor(provider));
                for (var i = 0; i < pipeline.Count; i++)
                {
                    handlers.Insert(i, pipeline[i]);
                }
            });

        services.AddKeyedSingleton(name, (provider, _) => Create(provider, name));
        if (name == Options.DefaultName)
        {
            services.AddSingleton(provider => provider.GetRequiredKeyedService<NebiusClient>(name));
        }

        return builder;
    }

    private static NebiusClient Create(IServiceProvider provider, string name)
    {
        var settings = SettingsFor(provider, name);
        var httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientPrefix + name);
        return NebiusClient.FromConfiguredHttpClient(settings, httpClient);
    }

    private static NebiusSettings SettingsFor(IServiceProvider provider, string name) =>
        provider.GetRequiredService<IOptionsMonitor<NebiusClientOptions>>().Get(name).Resolve();

    private static ILogger LoggerFor(IServiceProvider provider) =>
        provider.GetService<ILoggerFactory>()?.CreateLogger<NebiusClient>() ?? NullLogger<NebiusClient>.Instance;
}
