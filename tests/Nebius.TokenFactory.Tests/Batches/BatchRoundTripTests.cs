using System.Text;
using Nebius.TokenFactory.Batches;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Testing;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Batches;

public sealed class BatchRoundTripTests
{
    private const string Model = "meta-llama/Meta-Llama-3.1-8B-Instruct";

    [Fact]
    public async Task Ten_thousand_lines_go_through_write_upload_create_wait_and_come_back_joined_by_custom_id()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.BatchStates = ["validating", "validated", "running", "done"];
        fake.BatchReply = prompt => "echo:" + prompt;
        fake.BatchLineFailure = id => int.Parse(id.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture) % 97 == 0 ? "rejected " + id : null;
        using var client = TestClients.Create(fake, o => o.AiProjectId = "proj-b");
        var requests = Enumerable.Range(0, 10_000).Select(i => KeyValuePair.Create($"req-{i}", TestRequests.Chat(Model, $"question {i}"))).ToList();
        var states = new List<string?>();
        var folder = Directory.CreateTempSubdirectory("nebius-batch-");
        long uploaded = 0;
        try
        {
            var run = await client.RunBatchAsync(requests, new BatchRunOptions
            {
                Wait = new NebiusWaitOptions { TimeProvider = new InstantTimeProvider() },
                Progress = new SynchronousProgress<Batch>(b => states.Add(b.Status)),
                UploadProgress = new SynchronousProgress<long>(v => uploaded = v),
                Metadata = new Dictionary<string, string> { ["run"] = "test" },
                WorkingDirectory = folder.FullName,
            });

            var failing = Enumerable.Range(0, 10_000).Count(i => i % 97 == 0);
            Assert.Equal("done", run.Batch.Status);
            Assert.Equal(["validating", "validated", "running", "done"], states);
            Assert.Equal(requests.Select(r => r.Key), run.Results.Items.Select(i => i.CustomId));
            Assert.Equal(10_000 - failing, run.Results.SucceededCount);
            Assert.Equal(failing, run.Results.FailedCount);
            Assert.Equal(0, run.Results.MissingCount);
            Assert.Empty(run.Results.Unmatched);
            Assert.All(run.Results.Items, item =>
            {
                Assert.Same(requests[int.Parse(item.CustomId.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture)].Value, item.Request);
                if (item.Outcome == BatchItemOutcome.Succeeded)
                {
                    Assert.Equal("echo:" + item.Request.Messages![0].Content!.String, item.Response!.Choices![0].Message!.Content);
                }
                else
                {
                    Assert.Equal("rejected " + item.CustomId, item.Error!.Message);
                }
            });

            // The fake wrote the results out of input order, as the real API does: the join is what put them back.
            var output = Encoding.UTF8.GetString(fake.Files[run.Batch.OutputFileId!].Content).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var outputOrder = output.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("custom_id").GetString()).ToList();
            Assert.NotEqual(outputOrder.Order(StringComparer.Ordinal), outputOrder);
            Assert.NotEqual(run.Results.Items.Where(i => i.Outcome == BatchItemOutcome.Succeeded).Select(i => i.CustomId), outputOrder);

            Assert.Equal(fake.Files[run.InputFileId].Content.LongLength, uploaded);
            Assert.Equal(10_000, Encoding.UTF8.GetString(fake.Files[run.InputFileId].Content).Count(c => c == '\n'));
            Assert.Single(fake.Journal, r => r.Method == "POST" && r.Path == "/v1/files");
            var create = Assert.Single(fake.Journal, r => r.Method == "POST" && r.Path == "/v1/batches");
            Assert.Contains("\"completion_window\":\"24h\"", create.Body, StringComparison.Ordinal);
            Assert.Contains("\"run\":\"test\"", create.Body, StringComparison.Ordinal);
            Assert.All(fake.Journal, r => Assert.Contains("ai_project_id=proj-b", r.Query, StringComparison.Ordinal));
            Assert.Empty(folder.GetFiles());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_embeddings_batch_returns_the_vectors_the_online_endpoint_gives()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = TestClients.Create(fake);
        var texts = Enumerable.Range(0, 50).Select(i => $"text {i}").ToList();
        var requests = texts.Select((t, i) => KeyValuePair.Create($"e{i}", new EmbeddingRequest { Model = "BAAI/bge-en-icl", Input = t }));

        var run = await client.RunBatchAsync(requests, new BatchRunOptions { Wait = new NebiusWaitOptions { TimeProvider = new InstantTimeProvider() } });
        var online = await client.EmbedAsync("BAAI/bge-en-icl", texts);

        Assert.Equal("completed", run.Batch.Status);
        Assert.Equal(50, run.Results.SucceededCount);
        Assert.Equal(online, run.Results.Items.Select(i => i.Response!.Data![0].ToVector()));
        Assert.Contains("\"url\":\"/v1/embeddings\"", Encoding.UTF8.GetString(fake.Files[run.InputFileId].Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_batch_comes_back_with_every_input_missing()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.BatchStates = ["validating", "running", "done"];
        using var client = TestClients.Create(fake);
        var progress = new SynchronousProgress<Batch>(b =>
        {
            if (b.Status == "validating")
            {
                client.V1.Batches[b.Id!].Cancel.PostAsync().GetAwaiter().GetResult();
            }
        });

        var run = await client.RunBatchAsync(
            [KeyValuePair.Create("only", TestRequests.Chat(Model))],
            new BatchRunOptions { Wait = new NebiusWaitOptions { TimeProvider = new InstantTimeProvider() }, Progress = progress });

        Assert.Equal("cancelled", run.Batch.Status);
        Assert.Equal(BatchItemOutcome.Missing, Assert.Single(run.Results.Items).Outcome);
    }

    [Fact]
    public async Task Bad_input_fails_before_anything_is_sent()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = TestClients.Create(fake);

        var duplicate = await Assert.ThrowsAsync<ArgumentException>(() => client.RunBatchAsync([KeyValuePair.Create("x", TestRequests.Chat(Model)), KeyValuePair.Create("x", TestRequests.Chat(Model))]));
        var none = await Assert.ThrowsAsync<ArgumentException>(() => client.RunBatchAsync(Array.Empty<KeyValuePair<string, ChatCompletionRequest>>()));
        var mixed = await Assert.ThrowsAsync<ArgumentException>(() => client.RunBatchAsync([KeyValuePair.Create("a", TestRequests.Chat(Model)), KeyValuePair.Create("b", TestRequests.Chat("other/model"))]));

        Assert.Equal("customId", duplicate.ParamName);
        Assert.Equal("requests", none.ParamName);
        Assert.Equal("body", mixed.ParamName);
        Assert.Empty(fake.Journal);
    }
}
