using System.Collections.Concurrent;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Client;

public sealed class RetryTests
{
    [Fact]
    public async Task A_429_with_retry_after_is_retried_once_after_the_server_given_delay()
    {
        await using var server = await LoopbackServer.StartAsync();
        var calls = 0;
        server.Respond((context, _) => Interlocked.Increment(ref calls) == 1
            ? LoopbackServer.Json(context, 429, """{"detail":"slow down"}""", ("Retry-After", "1"))
            : LoopbackServer.Json(context, 200, """{"object":"list","data":[]}"""));
        var events = new ConcurrentQueue<NebiusRetryEvent>();
        using var client = TestClients.Create(server, o => o.OnRetry = events.Enqueue);

        var models = await client.V1.Models.GetAsync();

        Assert.NotNull(models);
        Assert.Equal(2, server.Journal.Count);
        var retry = Assert.Single(events);
        Assert.Equal(429, retry.StatusCode);
        Assert.Equal(1, retry.Attempt);
        Assert.Equal(TimeSpan.FromSeconds(1), retry.Delay);
    }

    [Fact]
    public async Task A_retry_after_beyond_the_cap_fails_at_once_with_the_server_value()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RespondJson(429, """{"detail":"quota"}""", ("Retry-After", "3600"));
        using var client = TestClients.Create(server);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<NebiusRateLimitException>(() => client.V1.Models.GetAsync());

        Assert.Single(server.Journal);
        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task Server_errors_on_reads_are_retried_up_to_the_limit()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RespondJson(500, """{"detail":"boom"}""");
        var events = new ConcurrentQueue<NebiusRetryEvent>();
        using var client = TestClients.Create(server, o =>
        {
            o.Retry.MaxRetries = 2;
            o.OnRetry = events.Enqueue;
        });

        var error = await Assert.ThrowsAsync<NebiusServerException>(() => client.V1.Models.GetAsync());

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(3, server.Journal.Count);
        Assert.Equal([1, 2], events.Select(e => e.Attempt));
    }

    [Fact]
    public async Task Inference_posts_are_retried_after_a_server_error()
    {
        await using var server = await LoopbackServer.StartAsync();
        var calls = 0;
        server.Respond((context, _) => Interlocked.Increment(ref calls) == 1
            ? LoopbackServer.Json(context, 503, "{}")
            : LoopbackServer.Json(context, 200, """{"id":"chatcmpl-1"}"""));
        using var client = TestClients.Create(server);

        var response = await client.V1.Chat.Completions.PostAsync(TestRequests.Chat("m"));

        Assert.Equal("chatcmpl-1", response!.Id);
        Assert.Equal(2, server.Journal.Count);
        Assert.All(server.Journal, r => Assert.Contains("\"model\":\"m\"", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_create_call_is_not_sent_twice_after_a_server_error()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RespondJson(500, """{"detail":"internal"}""");
        using var client = TestClients.Create(server);

        await Assert.ThrowsAsync<NebiusServerException>(() => client.V1.Batches.PostAsync(new BatchCreateRequest { InputFileId = "file-1" }));

        Assert.Single(server.Journal);
    }

    [Fact]
    public async Task A_create_call_is_retried_after_a_429_because_nothing_was_created()
    {
        await using var server = await LoopbackServer.StartAsync();
        var calls = 0;
        server.Respond((context, _) => Interlocked.Increment(ref calls) == 1
            ? LoopbackServer.Json(context, 429, "{}")
            : LoopbackServer.Json(context, 200, """{"id":"batch_1","bytes":1}"""));
        using var client = TestClients.Create(server);

        await client.V1.Batches.PostAsync(new BatchCreateRequest { InputFileId = "file-1" });

        Assert.Equal(2, server.Journal.Count);
    }

    [Fact]
    public async Task A_call_can_opt_out_of_retries()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RespondJson(503, "{}");
        using var client = TestClients.Create(server);

        await Assert.ThrowsAsync<NebiusServerException>(() => client.V1.Models.GetAsync(c => c.WithRetry(NebiusRetryMode.Never)));

        Assert.Single(server.Journal);
    }

    [Fact]
    public async Task Connection_failures_before_a_response_are_retried()
    {
        var closedPort = ClosedLoopbackPort();
        var events = new ConcurrentQueue<NebiusRetryEvent>();
        using var client = new NebiusClient(new NebiusClientOptions
        {
            ApiKey = TestClients.SecretKey,
            BaseUrl = new Uri($"http://127.0.0.1:{closedPort}"),
            Retry = new NebiusRetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) },
            OnRetry = events.Enqueue,
        });

        await Assert.ThrowsAsync<HttpRequestException>(() => client.V1.Batches.PostAsync(new BatchCreateRequest { InputFileId = "f" }));

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.NotNull(e.Exception));
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
