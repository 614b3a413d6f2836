using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nebius.TokenFactory.Http;

namespace Nebius.TokenFactory;

/// <summary>
/// Registers <see cref="NebiusClient"/> over <see cref="IHttpClientFactory"/>. The unnamed registration
/// resolves as <c>NebiusClient</c>; named ones (one per project or region) as keyed services.
/// </summary>
/// <example>
/// <code>
/// services.AddNebiusTokenFactory(configuration.GetSection("Nebius"));
/// services.AddNebiusTokenFactory("eu-west", o => { o.BaseUrl = NebiusEndpoints.EuWest1; o.AiProjectId = "p-2"; });
/// var west = provider.GetRequiredKeyedService&lt;NebiusClient&gt;("eu-west");
/// </code>
/// </example>
public static class NebiusServiceCollectionExtensions
{
    private const string HttpClientPrefix = "Nebius.TokenFactory:";

    /// <summary>Registers the default client, configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    public static IServiceCollection AddNebiusTokenFactory(this IServiceCollection services, Action<NebiusClientOptions> configure) =>
        services.AddNebiusTokenFactory(Options.DefaultName, configure);

    /// <summary>Registers the default client, bound from configuration (keys match <see cref="NebiusClientOptions"/>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section.</param>
    public static IServiceCollection AddNebiusTokenFactory(this IServiceCollection services, IConfiguration configuration) =>
        services.AddNebiusTokenFactory(Options.DefaultName, configuration);

    /// <summary>Registers a named client (resolve it as a keyed service with that name), bound from configuration.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration name and service key.</param>
    /// <param name="configuration">The configuration section.</param>
    public static IServiceCollection AddNebiusTokenFactory(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddNebiusTokenFactory(name, options => configuration.Bind(options));
    }

    /// <summary>Registers a named client (resolve it as a keyed service with that name), configured in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration name and service key.</param>
    /// <param name="configure">Sets the options.</param>
    public static IServiceCollection AddNebiusTokenFactory(this IServiceCollection services, string name, Action<NebiusClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<NebiusClientOptions>(name).Configure(configure);
        services.AddHttpClient(HttpClientPrefix + name)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => Microsoft.Kiota.Http.HttpClientLibrary.KiotaClientFactory.GetDefaultHttpMessageHandler())
            .ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
            {
                foreach (var handler in NebiusPipeline.CreateHandlers(SettingsFor(provider, name), LoggerFor(provider)))
                {
                    handlers.Add(handler);
                }
            });

        services.AddKeyedTransient(name, (provider, _) => Create(provider, name));
        if (name == Options.DefaultName)
        {
            services.AddTransient(provider => Create(provider, name));
        }

        return services;
    }

    private static NebiusClient Create(IServiceProvider provider, string name)
    {
        var httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientPrefix + name);
        return NebiusClient.FromConfiguredHttpClient(SettingsFor(provider, name), httpClient);
    }

    private static NebiusSettings SettingsFor(IServiceProvider provider, string name) =>
        provider.GetRequiredService<IOptionsMonitor<NebiusClientOptions>>().Get(name).Resolve();

    private static ILogger LoggerFor(IServiceProvider provider) =>
        provider.GetService<ILoggerFactory>()?.CreateLogger<NebiusClient>() ?? NullLogger<NebiusClient>.Instance;
}
