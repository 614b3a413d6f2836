using Microsoft.Extensions.Logging;

namespace Nebius.TokenFactory.Tests.Infrastructure;

/// <summary>Clients pointed at a loopback server, with retry delays short enough for tests.</summary>
internal static class TestClients
{
    /// <summary>A recognisable fake key: tests search logs and exceptions for it.</summary>
    public const string SecretKey = "nb-test-secret-7c1f9a";

    public static NebiusClient Create(LoopbackServer server, Action<NebiusClientOptions>? configure = null, ILoggerFactory? loggerFactory = null) =>
        Create(server.BaseUrl, configure, loggerFactory);

    /// <summary>A client of the shipped fake, with the same short retry delays.</summary>
    public static NebiusClient Create(Testing.FakeTokenFactory fake, Action<NebiusClientOptions>? configure = null) =>
        Create(fake.BaseUrl, configure, null);

    private static NebiusClient Create(Uri baseUrl, Action<NebiusClientOptions>? configure, ILoggerFactory? loggerFactory)
    {
        var options = new NebiusClientOptions
        {
            ApiKey = SecretKey,
            BaseUrl = baseUrl,
            Retry = new NebiusRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        };
        configure?.Invoke(options);
        return new NebiusClient(options, loggerFactory);
    }
}
