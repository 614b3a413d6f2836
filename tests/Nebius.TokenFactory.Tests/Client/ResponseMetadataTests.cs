using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Client;

public sealed class ResponseMetadataTests
{
    [Fact]
    public async Task Request_id_and_rate_limits_are_readable_on_a_successful_call()
    {
        await using var server = await LoopbackServer.StartAsync();
        var calls = 0;
        server.Respond((context, _) => Interlocked.Increment(ref calls) == 1
            ? LoopbackServer.Json(context, 503, "{}")
            : LoopbackServer.Json(
                context,
                200,
                """{"object":"list","data":[]}""",
                ("x-request-id", "req-ok"),
                ("x-inference-id", "inf-1"),
                ("x-ratelimit-remaining-tokens", "398834"),
                ("x-ratelimit-dynamic-period-usage-requests", "12%"),
                ("x-ratelimit-over-limit", "yes")));
        using var client = TestClients.Create(server);
        var metadata = new NebiusResponseMetadata();

        await client.V1.Models.GetAsync(c => c.CaptureResponse(metadata));

        Assert.Equal(200, metadata.StatusCode);
        Assert.Equal("req-ok", metadata.RequestId);
        Assert.Equal("inf-1", metadata.InferenceId);
        Assert.Equal(2, metadata.Attempts);
        Assert.NotNull(metadata.RateLimit);
        Assert.Equal(398834, metadata.RateLimit.RemainingTokens);
        Assert.Equal(12, metadata.RateLimit.DynamicPeriodUsageRequests!.Value, 3); // percent, as the header says
        Assert.True(metadata.RateLimit.OverLimit);
    }
}
