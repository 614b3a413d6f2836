using Microsoft.Extensions.Logging;

namespace Nebius.TokenFactory.Tests.Infrastructure;

/// <summary>Clients pointed at a loopback server, with retry delays short enough for tests.</summary>
internal static class TestClients
{
    /// <summary>A recognisable fake key: tests search logs and exceptions for it.</summary>
    public const string SecretKey = "nb-test-secret-7c1f9a";

    public static NebiusClient Create(LoopbackServer server, Action<NebiusClientOptions>? configure = null, ILoggerFactory? loggerFactory = null)
    {
        var options = new NebiusClientOptions
        {
            ApiKey = SecretKey,
            BaseUrl = server.BaseUrl,
            Retry = new NebiusRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        };
        configure?.Invoke(options);
        return new NebiusClient(options, loggerFactory);
    }
}
