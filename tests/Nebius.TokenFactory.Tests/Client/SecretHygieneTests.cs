using Microsoft.Extensions.Logging;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Client;

public sealed class SecretHygieneTests
{
    [Fact]
    public async Task The_key_appears_in_no_log_line_and_no_exception_even_when_the_server_echoes_it()
    {
        await using var server = await LoopbackServer.StartAsync();
        // A hostile or buggy proxy that reflects the Authorization header into its error page.
        server.Respond((context, request) => LoopbackServer.Json(context, 500, $$"""{"detail":"bad header {{request.Headers["Authorization"]}}"}"""));
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var client = TestClients.Create(server, o => o.Retry.MaxRetries = 1, loggerFactory);

        var error = await Assert.ThrowsAsync<NebiusServerException>(() => client.V1.Models.GetAsync());

        Assert.NotEmpty(logs.Lines);
        Assert.All(logs.Lines, line => Assert.DoesNotContain(TestClients.SecretKey, line, StringComparison.Ordinal));
        Assert.DoesNotContain(TestClients.SecretKey, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.SecretKey, error.Detail ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.SecretKey, error.ResponseBody ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_and_retries_are_logged_with_method_path_and_status()
    {
        await using var server = await LoopbackServer.StartAsync();
        var calls = 0;
        server.Respond((context, _) => Interlocked.Increment(ref calls) == 1
            ? LoopbackServer.Json(context, 503, "{}")
            : LoopbackServer.Json(context, 200, "{}"));
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        using var client = TestClients.Create(server, loggerFactory: loggerFactory);

        await client.V1.Models.GetAsync();

        Assert.Contains(logs.Lines, l => l.Contains("/v1/models", StringComparison.Ordinal) && l.Contains("503", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("/v1/models", StringComparison.Ordinal) && l.Contains("200", StringComparison.Ordinal));
    }
}
