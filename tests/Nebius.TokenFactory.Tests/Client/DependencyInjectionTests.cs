using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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

        var error = Assert.Throws<ArgumentException>(() => provider.GetRequiredService<NebiusClient>());

        Assert.Equal(nameof(NebiusClientOptions.BaseUrl), error.ParamName);
    }
}
