using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Testing;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Datasets;

/// <summary>Data Lab operations and the dataset list, as the client's conveniences drive them against the fake.</summary>
public sealed class DatasetOperationTests
{
    private static readonly NebiusWaitOptions Fast = new() { PollInterval = TimeSpan.FromMilliseconds(1), TimeProvider = new InstantTimeProvider() };

    [Fact]
    public async Task Cancelling_an_operation_waits_until_it_has_ended_cancelled()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = TestClients.Create(fake);
        var operation = await client.V1.Operations.PostAsync(Yql());
        var seen = new List<string?>();

        var ended = await client.V1.Operations[operation!.Id!].CancelAsync(Fast, new SynchronousProgress<OperationResponse>(o => seen.Add(o.Status)));

        Assert.Equal("cancelled", ended.Status);
        Assert.NotNull(ended.FinishedAt);
        Assert.Equal(["cancelled"], seen);
        Assert.Equal(["POST /v1/operations", $"POST /v1/operations/{operation.Id}/cancel", $"GET /v1/operations/{operation.Id}"], fake.Journal.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task An_operation_that_ended_first_keeps_its_own_end_and_a_failed_one_lists_its_errors()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.OperationStates = ["queued", "failed"];
        using var client = TestClients.Create(fake);
        var operation = await client.V1.Operations.PostAsync(Yql());
        var failed = await client.V1.Operations[operation!.Id!].WaitForCompletionAsync(Fast);

        var ended = await client.V1.Operations[operation.Id!].CancelAsync(Fast);
        var errors = await client.V1.Operations[operation.Id!].Errors.GetAsync();

        Assert.Equal("failed", failed.Status);
        Assert.Equal("failed", ended.Status);
        Assert.Contains(operation.Id!, Assert.Single(errors!.Data!), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("value", () => fake.OperationStates = []);
    }

    [Fact]
    public async Task Bad_wait_options_fail_before_the_cancel_is_sent()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = TestClients.Create(fake);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.V1.Operations["op-1"].CancelAsync(new NebiusWaitOptions { PollInterval = TimeSpan.Zero }));

        Assert.Equal("options", error.ParamName);
        Assert.Empty(fake.Journal);
    }

    [Fact]
    public async Task Every_dataset_is_listed_once_across_pages_in_creation_order()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = TestClients.Create(fake);
        IReadOnlyList<ColumnSchema> schema = [new() { Name = "t", Type = new ColumnType { Name = "string" } }];
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await client.V1.Datasets.CreateFromRowsAsync($"d{i}", "/f", schema, [new Dictionary<string, object?> { ["t"] = "x" }])).Id!);
        }

        var listed = await client.V1.Datasets.ListAllAsync(pageSize: 2).Select(d => d.Id!).ToListAsync();

        Assert.Equal(ids, listed);
        Assert.Equal(3, fake.Journal.Count(r => r.Method == "GET" && r.Path == "/v1/datasets"));
        Assert.Throws<ArgumentOutOfRangeException>("pageSize", () => client.V1.Datasets.ListAllAsync(pageSize: 101));
    }

    private static CreateOperationRequest Yql() => new()
    {
        Type = "yql",
        Src = [new OperationSrcDataset { Id = "ds-1" }],
        Params = new CreateOperationRequestParams { AdditionalData = { ["query"] = "SELECT 1" } },
    };
}
