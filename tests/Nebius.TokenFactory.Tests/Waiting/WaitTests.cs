using System.Collections.Concurrent;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Waiting;

public sealed class WaitTests
{
    [Theory]
    [InlineData("completed")]
    [InlineData("done")]
    [InlineData("failed")]
    [InlineData("expired")]
    [InlineData("cancelled")]
    public async Task A_batch_wait_ends_at_each_terminal_state_after_the_real_apis_intermediate_ones(string terminal)
    {
        await using var server = await LoopbackServer.StartAsync();
        RespondInTurn(server, "validating", "validated", "running", "finalizing", "cancelling", terminal);
        using var client = TestClients.Create(server);
        var seen = new List<string?>();

        var batch = await client.V1.Batches["batch_1"].WaitForCompletionAsync(Fast(), new SynchronousProgress<Batch>(b => seen.Add(b.Status)));

        Assert.Equal(terminal, batch.Status);
        Assert.Equal(["validating", "validated", "running", "finalizing", "cancelling", terminal], seen);
        Assert.All(server.Journal, r => Assert.Equal("/v1/batches/batch_1", r.Path));
    }

    [Theory]
    [InlineData("succeeded")]
    [InlineData("failed")]
    [InlineData("cancelled")]
    public async Task A_fine_tuning_wait_ends_at_each_terminal_state(string terminal)
    {
        await using var server = await LoopbackServer.StartAsync();
        RespondInTurn(server, "validating_files", "queued", "running", terminal);
        using var client = TestClients.Create(server);

        var job = await client.V1.FineTuning.Jobs["ftjob-1"].WaitForCompletionAsync(Fast());

        Assert.Equal(terminal, job.Status);
        Assert.Equal(4, server.Journal.Count);
    }

    [Theory]
    [InlineData("active")]
    [InlineData("error")]
    [InlineData("deleted")]
    public async Task A_custom_model_wait_ends_when_validation_is_over(string terminal)
    {
        await using var server = await LoopbackServer.StartAsync();
        RespondInTurn(server, "validating", "validating", terminal);
        using var client = TestClients.Create(server);

        var model = await client.V0.Models["my-lora"].WaitForCompletionAsync(Fast());

        Assert.Equal(terminal, model.Status);
        Assert.Equal(3, server.Journal.Count);
    }

    [Theory]
    [InlineData("succeeded")]
    [InlineData("failed")]
    [InlineData("cancelled")]
    public async Task An_operation_wait_ends_at_each_terminal_state_and_treats_unknown_as_running(string terminal)
    {
        await using var server = await LoopbackServer.StartAsync();
        RespondInTurn(server, "queued", "unknown", "running", terminal);
        using var client = TestClients.Create(server);

        var operation = await client.V1.Operations["op-1"].WaitForCompletionAsync(Fast());

        Assert.Equal(terminal, operation.Status);
        Assert.Equal(4, server.Journal.Count);
    }

    [Fact]
    public async Task A_dedicated_endpoint_wait_ends_when_its_minimum_of_replicas_is_ready()
    {
        await using var server = await LoopbackServer.StartAsync();
        var ready = new ConcurrentQueue<int>([0, 0, 1, 2]);
        server.Respond((context, _) =>
        {
            ready.TryDequeue(out var replicas);
            return LoopbackServer.Json(context, 200, $$$"""{"object":"list","data":[{"id":"other","enabled":true,"scaling":{"min_replicas":1,"max_replicas":1},"deployment":{"ready_replicas":0}},{"id":"ep-1","enabled":true,"scaling":{"min_replicas":2,"max_replicas":4},"deployment":{"ready_replicas":{{{replicas}}}}}]}""");
        });
        using var client = TestClients.Create(server);

        var endpoint = await client.V0.DedicatedEndpoints.WaitForCompletionAsync("ep-1", Fast());

        Assert.Equal("ep-1", endpoint.Id);
        Assert.Equal(2, endpoint.Deployment!.ReadyReplicas);
        Assert.Equal(4, server.Journal.Count);
    }

    [Fact]
    public async Task A_stopped_dedicated_endpoint_has_settled_and_a_missing_one_is_not_found()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RespondJson(200, """{"object":"list","data":[{"id":"ep-off","enabled":false,"deployment":{"ready_replicas":0}}]}""");
        using var client = TestClients.Create(server);

        var stopped = await client.V0.DedicatedEndpoints.WaitForCompletionAsync("ep-off", Fast());
        await Assert.ThrowsAsync<NebiusNotFoundException>(() => client.V0.DedicatedEndpoints.WaitForCompletionAsync("ep-gone", Fast()));

        Assert.False(stopped.Enabled);
    }

    [Fact]
    public async Task Pauses_grow_by_the_factor_up_to_the_ceiling()
    {
        await using var server = await LoopbackServer.StartAsync();
        RespondInTurn(server, "running", "running", "running", "running", "running", "done");
        using var client = TestClients.Create(server);
        var clock = new InstantTimeProvider();

        await client.V1.Batches["b"].WaitForCompletionAsync(new NebiusWaitOptions
        {
            PollInterval = TimeSpan.FromSeconds(1),
            BackoffFactor = 2,
            MaxPollInterval = TimeSpan.FromSeconds(5),
            TimeProvider = clock,
        });

        Assert.Equal([1, 2, 4, 5, 5], clock.Delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task A_wait_that_outlasts_its_timeout_fails_with_the_last_state_after_a_poll_at_the_deadline()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RespondJson(200, """{"id":"b","status":"running"}""");
        using var client = TestClients.Create(server);
        var clock = new InstantTimeProvider();

        var error = await Assert.ThrowsAsync<NebiusWaitTimeoutException>(() => client.V1.Batches["b"].WaitForCompletionAsync(new NebiusWaitOptions
        {
            PollInterval = TimeSpan.FromMinutes(1),
            BackoffFactor = 1,
            MaxPollInterval = TimeSpan.FromMinutes(1),
            Timeout = TimeSpan.FromMinutes(2.5),
            TimeProvider = clock,
        }));

        Assert.Equal("running", Assert.IsType<Batch>(error.LastState).Status);
        Assert.Equal(TimeSpan.FromMinutes(2.5), error.Timeout);
        Assert.Contains("running", error.Message, StringComparison.Ordinal);
        Assert.Equal([60, 60, 30], clock.Delays.Select(d => d.TotalSeconds));
        Assert.Equal(4, server.Journal.Count);
    }

    [Fact]
    public async Task Cancelling_stops_the_wait()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var cancel = new CancellationTokenSource();
        var polls = 0;
        server.Respond((context, _) =>
        {
            if (Interlocked.Increment(ref polls) == 3)
            {
                cancel.Cancel();
            }

            return LoopbackServer.Json(context, 200, """{"id":"b","status":"running"}""");
        });
        using var client = TestClients.Create(server);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.V1.Batches["b"].WaitForCompletionAsync(Fast(), cancellationToken: cancel.Token));

        Assert.InRange(polls, 3, 4);
    }

    [Fact]
    public async Task Bad_options_fail_before_the_first_poll()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.V1.Batches["b"].WaitForCompletionAsync(new NebiusWaitOptions { PollInterval = TimeSpan.Zero }));

        Assert.Equal("options", error.ParamName);
        Assert.Empty(server.Journal);
    }

    [Fact]
    public void Unknown_states_never_count_as_terminal()
    {
        Assert.False(NebiusTerminalStates.IsTerminal(new Batch { Status = "some_new_state" }));
        Assert.False(NebiusTerminalStates.IsTerminal(new Batch()));
        Assert.True(NebiusTerminalStates.IsTerminal(new Batch { Status = "DONE" }));
        Assert.False(NebiusTerminalStates.IsTerminal(new FineTuningJob { Status = "running" }));
        Assert.False(NebiusTerminalStates.IsTerminal(new CustomModelInfoResponse { Status = "validating" }));
        Assert.False(NebiusTerminalStates.IsTerminal(new OperationResponse { Status = "unknown" }));
    }

    private static NebiusWaitOptions Fast() => new() { TimeProvider = new InstantTimeProvider() };

    /// <summary>Answers each poll with the next status (the last one repeats).</summary>
    private static void RespondInTurn(LoopbackServer server, params string[] statuses)
    {
        var next = 0;
        server.Respond((context, _) =>
        {
            var index = Math.Min(Interlocked.Increment(ref next) - 1, statuses.Length - 1);
            return LoopbackServer.Json(context, 200, $$"""{"id":"x","name":"x","status":"{{statuses[index]}}"}""");
        });
    }
}
