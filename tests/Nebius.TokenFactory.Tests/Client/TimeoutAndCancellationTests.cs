using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Client;

public sealed class TimeoutAndCancellationTests
{
    [Fact]
    public async Task A_call_that_outlives_the_deadline_throws_a_timeout_naming_the_setting()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RespondSlowly(TimeSpan.FromSeconds(10));
        using var client = TestClients.Create(server, o => o.Timeout = TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.V1.Models.GetAsync());

        Assert.Contains("Timeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("/v1/models", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_per_call_timeout_overrides_the_client_default()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RespondSlowly(TimeSpan.FromSeconds(10));
        using var client = TestClients.Create(server);

        await Assert.ThrowsAsync<TimeoutException>(() => client.V1.Models.GetAsync(c => c.WithTimeout(TimeSpan.FromMilliseconds(200))));
    }

    [Fact]
    public async Task Cancelling_surfaces_as_cancellation_not_as_a_timeout_and_is_not_retried()
    {
        await using var server = await LoopbackServer.StartAsync();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Respond(async (context, _) =>
        {
            arrived.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
        });
        using var client = TestClients.Create(server);
        using var cancellation = new CancellationTokenSource();

        // Cancelled once the server holds the request, however slow the machine: a timer could fire before it is sent.
        var call = client.V1.Models.GetAsync(cancellationToken: cancellation.Token);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(server.Journal);
    }
}
