using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Client;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task Two_named_clients_keep_their_own_project_and_key()
    {
        await using var server = await LoopbackServer.StartAsync();
        var services = new ServiceCollection();
        services.AddNebiusTokenFactory("research", o =>
        {
            o.ApiKey = "key-research";
            o.BaseUrl = server.BaseUrl;
            o.AiProjectId = "project-research";
        });
        services.AddNebiusTokenFactory("prod", o =>
        {
            o.ApiKey = "key-prod";
            o.BaseUrl = server.BaseUrl;
            o.AiProjectId = "project-prod";
        });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<NebiusClient>("research").V1.Models.GetAsync();
        await provider.GetRequiredKeyedService<NebiusClient>("prod").V1.Models.GetAsync();

        var requests = server.Journal.ToArray();
        Assert.Equal(["project-research", "project-prod"], requests.Select(r => r.QueryValue("ai_project_id")));
        Assert.Equal(["Bearer key-research", "Bearer key-prod"], requests.Select(r => r.Headers["Authorization"]));
    }

    [Fact]
    public async Task The_default_client_binds_from_configuration()
    {
        await using var server = await LoopbackServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Nebius:ApiKey"] = "key-from-config",
            ["Nebius:BaseUrl"] = server.BaseUrl.ToString(),
            ["Nebius:AiProjectId"] = "project-config",
            ["Nebius:Retry:MaxRetries"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddNebiusTokenFactory(configuration.GetSection("Nebius"));
        await using var provider = services.BuildServiceProvider();
        server.RespondJson(503, "{}");

        var client = provider.GetRequiredService<NebiusClient>();
        await Assert.ThrowsAsync<NebiusServerException>(() => client.V1.Models.GetAsync());

        var request = Assert.Single(server.Journal);
        Assert.Equal("project-config", request.QueryValue("ai_project_id"));
        Assert.Equal("Bearer key-from-config", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task Invalid_options_fail_when_the_client_is_resolved_naming_the_option()
    {
        var services = new ServiceCollection();
        services.AddNebiusTokenFactory(o =>
        {
            o.ApiKey = "k";
            o.BaseUrl = new Uri("http://example.com");
        });
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<NebiusClient>());

        Assert.Contains(nameof(NebiusClientOptions.BaseUrl), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_with_invalid_options_fails_at_start_naming_the_option()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddNebiusTokenFactory("bad", o =>
        {
            o.ApiKey = "k";
            o.Timeout = TimeSpan.FromSeconds(-5);
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(nameof(NebiusClientOptions.Timeout), error.Message, StringComparison.Ordinal);
        Assert.Equal("bad", error.OptionsName);
    }

    [Fact]
    public async Task A_handler_chained_on_the_returned_builder_runs_inside_the_client_pipeline()
    {
        await using var server = await LoopbackServer.StartAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<HandlerLog>();
        builder.Services.AddTransient<RecordingHandler>();
        builder.Services.AddNebiusTokenFactory(o =>
        {
            o.ApiKey = "key-1";
            o.BaseUrl = server.BaseUrl;
            o.AiProjectId = "project-1";
        }).AddHttpMessageHandler<RecordingHandler>();
        using var host = builder.Build();
        await host.StartAsync();

        await host.Services.GetRequiredService<NebiusClient>().V1.Models.GetAsync();

        // The handler sees the request as the client sends it: authorized and scoped to the project.
        var seen = Assert.Single(host.Services.GetRequiredService<HandlerLog>().Requests);
        Assert.Equal("Bearer key-1", seen.Authorization);
        Assert.Contains("ai_project_id=project-1", seen.Query, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_root_provider_holds_one_client_however_often_it_is_resolved()
    {
        var services = new ServiceCollection();
        services.AddNebiusTokenFactory(o => o.ApiKey = "k");
        services.AddNebiusTokenFactory("west", o => o.ApiKey = "k");
        await using var provider = services.BuildServiceProvider();

        var defaults = Enumerable.Range(0, 1_000).Select(_ => provider.GetRequiredService<NebiusClient>()).Distinct().ToList();
        var keyed = Enumerable.Range(0, 1_000).Select(_ => provider.GetRequiredKeyedService<NebiusClient>("west")).Distinct().ToList();

        Assert.Single(defaults);
        Assert.Single(keyed);
        Assert.NotSame(defaults[0], keyed[0]);
    }

    [Fact]
    public async Task The_default_transport_recycles_connections_and_a_configured_primary_handler_wins()
    {
        await using var server = await LoopbackServer.StartAsync();
        var stub = new StubTransport();
        var services = new ServiceCollection();
        services.AddNebiusTokenFactory(o => o.ApiKey = "k");
        services.AddNebiusTokenFactory("stubbed", o =>
        {
            o.ApiKey = "k";
            o.BaseUrl = server.BaseUrl;
        }).ConfigurePrimaryHttpMessageHandler(() => stub);
        await using var provider = services.BuildServiceProvider();
        var handlers = provider.GetRequiredService<IHttpMessageHandlerFactory>();

        var primary = Innermost(handlers.CreateHandler(NebiusServiceCollectionExtensions.HttpClientName(Options.DefaultName)));
        var sockets = Assert.IsType<SocketsHttpHandler>(primary);
        Assert.Equal(Http.DefaultTransport.PooledConnectionLifetime, sockets.PooledConnectionLifetime);
        Assert.False(sockets.AllowAutoRedirect);
        Assert.Equal(System.Net.DecompressionMethods.All, sockets.AutomaticDecompression);

        await provider.GetRequiredKeyedService<NebiusClient>("stubbed").V1.Models.GetAsync();
        Assert.Equal(1, stub.Calls);
        Assert.Empty(server.Journal);
    }

    private static HttpMessageHandler Innermost(HttpMessageHandler handler)
    {
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        return handler;
    }

    private sealed class HandlerLog
    {
        public System.Collections.Concurrent.ConcurrentQueue<(string? Authorization, string Query)> Requests { get; } = new();
    }

    private sealed class RecordingHandler(HandlerLog log) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            log.Requests.Enqueue((request.Headers.Authorization?.ToString(), request.RequestUri!.Query));
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class StubTransport : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent("""{"object":"list","data":[]}""", System.Text.Encoding.UTF8, "application/json"),
            });
        }
    }
}
