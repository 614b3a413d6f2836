using System.Text;
using Microsoft.Kiota.Abstractions;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Testing;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Fake;

/// <summary>The test kit's fake, driven through the real client.</summary>
public sealed class FakeTokenFactoryTests
{
    private const string Model = "meta-llama/Meta-Llama-3.1-8B-Instruct";

    private static NebiusClient ClientFor(FakeTokenFactory fake) => new(new NebiusClientOptions
    {
        ApiKey = "fake-key",
        BaseUrl = fake.BaseUrl,
        AiProjectId = "project-fake",
        Retry = new NebiusRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) },
    });

    [Fact]
    public async Task Chat_answers_with_the_scripted_text_as_json_and_as_a_stream()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.ChatReply = "Paris is the capital.";
        using var client = ClientFor(fake);

        var answer = await client.AskAsync(Model, "Capital of France?");
        var streamed = await ChatCompletionAccumulator.AccumulateAsync(client.StreamChatAsync(TestRequests.Chat(Model)));

        Assert.Equal("Paris is the capital.", answer);
        Assert.Equal("Paris is the capital.", streamed.Choices![0].Message!.Content);
        Assert.All(fake.Journal, r => Assert.Contains("ai_project_id=project-fake", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invalid_request_gets_the_apis_422_with_every_failing_field()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientFor(fake);

        // The generated method sends what it is given; the fake validates like the server.
        var error = await Assert.ThrowsAsync<NebiusValidationException>(() => client.V1.Chat.Completions.PostAsync(new ChatCompletionRequest()));

        Assert.Equal(["body.model", "body.messages"], error.ValidationErrors.Select(i => i.Location));
    }

    [Fact]
    public async Task Unknown_models_are_404s()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientFor(fake);

        var error = await Assert.ThrowsAsync<NebiusNotFoundException>(() => client.AskAsync("no/such-model", "hi"));

        Assert.Contains("no/such-model", error.Detail, StringComparison.Ordinal);
        Assert.StartsWith("fake-", error.RequestId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Injected_faults_exercise_the_retry_path()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.Inject(FakeFault.Status(429, "slow down", retryAfterSeconds: 0));
        fake.Inject(FakeFault.HtmlPage(502));
        using var client = ClientFor(fake);

        var models = await client.ListModelsAsync();

        Assert.Equal(fake.Models, models.Select(m => m.Id));
        Assert.Equal(3, fake.Journal.Count);
    }

    [Fact]
    public async Task A_batch_goes_from_upload_to_results()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.ChatReply = "done";
        using var client = ClientFor(fake);
        var jsonl = """
            {"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"m","messages":[{"role":"user","content":"1"}]}}
            {"custom_id":"b","method":"POST","url":"/v1/chat/completions","body":{"model":"m","messages":[{"role":"user","content":"2"}]}}
            """;
        var form = new MultipartBody();
        form.AddOrReplacePart("purpose", "text/plain", "batch");
        form.AddOrReplacePart("file", "application/octet-stream", new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), "input.jsonl");

        var file = await client.V1.Files.PostAsync(form);
        var batch = await client.V1.Batches.PostAsync(new BatchCreateRequest { InputFileId = file!.Id, Endpoint = "/v1/chat/completions", CompletionWindow = "24h" });
        var states = new List<string?> { batch!.Status };
        while (batch!.Status != "completed")
        {
            batch = await client.V1.Batches[batch.Id!].GetAsync();
            states.Add(batch!.Status);
        }

        await using var output = await client.V1.Files[batch.OutputFileId!].Content.GetAsync();
        using var reader = new StreamReader(output!);
        var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("input.jsonl", file.Filename);
        Assert.Equal(["validating", "in_progress", "completed"], states);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"custom_id\":\"a\"", StringComparison.Ordinal) && l.Contains("\"content\":\"done\"", StringComparison.Ordinal));
        Assert.Equal(2L, batch.RequestCounts!.Completed);
    }

    [Fact]
    public async Task Embeddings_are_deterministic_and_sized_as_asked()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        using var client = ClientFor(fake);

        var first = await client.EmbedAsync("BAAI/bge-en-icl", ["same", "other"], dimensions: 16);
        var second = await client.EmbedAsync("BAAI/bge-en-icl", ["same"], dimensions: 16);

        Assert.Equal(16, first[0].Length);
        Assert.Equal(first[0], second[0]);
        Assert.NotEqual(first[0], first[1]);
    }
}
