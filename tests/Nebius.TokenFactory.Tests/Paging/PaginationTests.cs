using Microsoft.AspNetCore.Http;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Paging;

public sealed class PaginationTests
{
    private static string Batch(int i) => $$"""{"id":"batch_{{i}}","object":"batch","endpoint":"/v1/chat/completions","input_file_id":"f","completion_window":"24h","status":"done","created_at":{{i}}}""";

    /// <summary>Serves batches 1..total in pages of the requested size, honouring <c>after</c>.</summary>
    private static Task ServeBatches(HttpContext context, RecordedRequest request, int total)
    {
        var limit = int.Parse(request.QueryValue("limit")!, System.Globalization.CultureInfo.InvariantCulture);
        var after = request.QueryValue("after");
        var start = after is null ? 1 : int.Parse(after["batch_".Length..], System.Globalization.CultureInfo.InvariantCulture) + 1;
        var ids = Enumerable.Range(start, Math.Max(0, Math.Min(limit, total - start + 1))).ToList();
        var hasMore = ids.Count > 0 && ids[^1] < total;
        return LoopbackServer.Json(context, 200, $$"""{"object":"list","data":[{{string.Join(',', ids.Select(Batch))}}],"has_more":{{(hasMore ? "true" : "false")}},"last_id":{{(ids.Count > 0 ? $"\"batch_{ids[^1]}\"" : "null")}}}""");
    }

    [Fact]
    public async Task Cursor_pages_are_followed_until_has_more_is_false()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond((context, request) => ServeBatches(context, request, total: 7));
        using var client = TestClients.Create(server);

        var ids = new List<string?>();
        await foreach (var batch in client.V1.Batches.ListAllAsync(pageSize: 3))
        {
            ids.Add(batch.Id);
        }

        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"batch_{i}"), ids);
        Assert.Equal([null, "batch_3", "batch_6"], server.Journal.Select(r => r.QueryValue("after")));
        Assert.All(server.Journal, r => Assert.Equal("3", r.QueryValue("limit")));
    }

    [Fact]
    public async Task Pages_are_fetched_only_as_the_caller_reads()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond((context, request) => ServeBatches(context, request, total: 100));
        using var client = TestClients.Create(server);

        await foreach (var batch in client.V1.Batches.ListAllAsync(pageSize: 10))
        {
            if (batch.Id == "batch_12")
            {
                break;
            }
        }

        Assert.Equal(2, server.Journal.Count);
    }

    [Fact]
    public async Task A_server_that_repeats_a_cursor_is_stopped()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RespondJson(200, $$"""{"object":"list","data":[{{Batch(1)}}],"has_more":true,"last_id":"batch_1"}""");
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in client.V1.Batches.ListAllAsync())
            {
            }
        });

        Assert.Contains("batch_1", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Journal.Count);
    }

    [Fact]
    public async Task Cancelling_between_pages_stops_the_walk()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond((context, request) => ServeBatches(context, request, total: 50));
        using var client = TestClients.Create(server);
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var batch in client.V1.Batches.ListAllAsync(pageSize: 5, cancellationToken: cancellation.Token))
            {
                if (batch.Id == "batch_5")
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.Single(server.Journal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task A_page_size_out_of_range_fails_before_sending(int pageSize)
    {
        await using var server = await LoopbackServer.StartAsync();
        using var client = TestClients.Create(server);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => client.V1.Batches.ListAllAsync(pageSize));

        Assert.Equal("pageSize", error.ParamName);
        Assert.Empty(server.Journal);
    }

    [Fact]
    public async Task Fine_tuning_events_continue_after_the_last_event_id()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond((context, request) => request.QueryValue("after") is null
            ? LoopbackServer.Json(context, 200, """{"object":"list","data":[{"id":"e1","created_at":1,"level":"info","message":"Job is submitted"}],"has_more":true}""")
            : LoopbackServer.Json(context, 200, """{"object":"list","data":[{"id":"e2","created_at":2,"level":"info","message":"Training completed successfully"}],"has_more":false}"""));
        using var client = TestClients.Create(server);

        var messages = new List<string?>();
        await foreach (var item in client.V1.FineTuning.Jobs["ftjob-1"].Events.ListAllAsync())
        {
            messages.Add(item.Message);
        }

        Assert.Equal(["Job is submitted", "Training completed successfully"], messages);
        Assert.Equal("e1", server.Journal.Last().QueryValue("after"));
        Assert.Equal("/v1/fine_tuning/jobs/ftjob-1/events", server.Journal.First().Path);
    }

    [Fact]
    public async Task Operations_page_by_creation_time_without_repeating_items()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond((context, request) => request.QueryValue("cursor_time") switch
        {
            null => LoopbackServer.Json(context, 200, """{"object":"list","data":[{"id":"op3","type":"yql","status":"queued","created_at":300},{"id":"op2","type":"yql","status":"queued","created_at":200}]}"""),
            // The server includes the boundary item again; the walker must not yield it twice.
            _ => LoopbackServer.Json(context, 200, """{"object":"list","data":[{"id":"op2","type":"yql","status":"queued","created_at":200},{"id":"op1","type":"yql","status":"queued","created_at":100}]}"""),
        });
        using var client = TestClients.Create(server);

        var ids = new List<string?>();
        await foreach (var operation in client.V1.Operations.ListAllAsync(pageSize: 2))
        {
            ids.Add(operation.Id);
        }

        Assert.Equal(["op3", "op2", "op1"], ids);
        Assert.Equal("1970-01-01T00:03:20Z", server.Journal.ElementAt(1).QueryValue("cursor_time"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Dataset_rows_page_by_offset_in_either_answer_shape(bool wrapped)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond((context, request) =>
        {
            var offset = int.Parse(request.QueryValue("offset")!, System.Globalization.CultureInfo.InvariantCulture);
            var rows = string.Join(',', Enumerable.Range(offset, Math.Max(0, Math.Min(2, 5 - offset))).Select(i => $$"""{"text":"row {{i}}"}"""));
            return LoopbackServer.Json(context, 200, wrapped ? $$"""{"rows":[{{rows}}],"version":"v1"}""" : $"[{rows}]");
        });
        using var client = TestClients.Create(server);

        var texts = new List<object?>();
        await foreach (var row in client.V1.Datasets["ds-1"].Content.ReadAllRowsAsync(pageSize: 2))
        {
            texts.Add(row["text"]);
        }

        Assert.Equal(["row 0", "row 1", "row 2", "row 3", "row 4"], texts.Select(t => t?.ToString()));
        Assert.Equal(["0", "2", "4"], server.Journal.Select(r => r.QueryValue("offset")));
    }
}
