using System.Diagnostics;
using Microsoft.Kiota.Abstractions;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Telemetry;
using Nebius.TokenFactory.Testing;
using Nebius.TokenFactory.Tests.AI;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Telemetry;

/// <summary>The GenAI spans and metrics of inference calls, seen through OpenTelemetry's in-memory exporters.</summary>
[Collection(TelemetryTestGroup.Name)]
public sealed class InferenceTelemetryTests
{
    [Fact]
    public async Task A_chat_call_has_one_span_with_the_genai_attributes_and_its_metrics()
    {
        using var capture = new TelemetryCapture();
        await using var fixture = await AIFixture.StartAsync();
        var model = UniqueModel(fixture.Fake);
        fixture.Fake.ChatReply = "one two three";
        var request = TestRequests.Chat(model);
        request.MaxTokens = 50;
        request.Temperature = 0.3;

        var response = await fixture.Client.CompleteChatAsync(request);

        var span = Assert.Single(capture.Spans(model));
        Assert.Equal($"chat {model}", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("chat", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal("nebius", span.GetTagItem("gen_ai.provider.name"));
        Assert.Equal(model, span.GetTagItem("gen_ai.response.model"));
        Assert.Equal(response.Id, span.GetTagItem("gen_ai.response.id"));
        Assert.Equal(10L, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(3L, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Equal(["stop"], Assert.IsType<string[]>(span.GetTagItem("gen_ai.response.finish_reasons")));
        Assert.Equal(50L, span.GetTagItem("gen_ai.request.max_tokens"));
        Assert.Equal(0.3, span.GetTagItem("gen_ai.request.temperature"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal(fixture.Fake.BaseUrl.Port, span.GetTagItem("server.port"));
        Assert.StartsWith("fake-", (string?)span.GetTagItem("nebius.request_id"), StringComparison.Ordinal);
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);

        var duration = Assert.Single(capture.Points("gen_ai.client.operation.duration", model));
        Assert.Equal(1, duration.Count);
        Assert.True(duration.Sum > 0);
        Assert.Equal("chat", duration.Tags["gen_ai.operation.name"]);
        Assert.Equal(model, duration.Tags["gen_ai.response.model"]);
        var tokens = capture.Points("gen_ai.client.token.usage", model).ToDictionary(p => (string)p.Tags["gen_ai.token.type"]!, p => p.Sum);
        Assert.Equal(10, tokens["input"]);
        Assert.Equal(3, tokens["output"]);
        Assert.Empty(capture.Points("gen_ai.client.operation.time_to_first_chunk", model));
    }

    [Fact]
    public async Task A_stream_has_one_span_with_first_chunk_time_and_chunk_rate_and_the_stream_metrics()
    {
        using var capture = new TelemetryCapture();
        await using var fixture = await AIFixture.StartAsync();
        var model = UniqueModel(fixture.Fake);
        fixture.Fake.ChatReply = "a b c d e f";
        var request = TestRequests.Chat(model);
        request.StreamOptions = new StreamOptions { IncludeUsage = true };
        using var parent = new ActivitySource("Nebius.Tests.Caller").StartActivity("caller");

        var chunks = 0;
        Activity? currentInsideLoop = null;
        await foreach (var chunk in fixture.Client.StreamChatAsync(request))
        {
            chunks++;
            currentInsideLoop = Activity.Current;
        }

        var span = Assert.Single(capture.Spans(model));
        Assert.Equal(8, chunks); // six words, the finish chunk and the usage chunk
        Assert.Equal(chunks, span.GetTagItem("nebius.stream.chunks"));
        Assert.True((double)span.GetTagItem("gen_ai.response.time_to_first_chunk")! > 0);
        Assert.True((double)span.GetTagItem("nebius.stream.chunks_per_second")! > 0);
        Assert.Equal(6L, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Equal(["stop"], Assert.IsType<string[]>(span.GetTagItem("gen_ai.response.finish_reasons")));
        Assert.Contains(span.Events, e => e.Name == "gen_ai.first_chunk");
        Assert.Same(parent, currentInsideLoop); // the caller's loop body is not inside the library's span

        var first = Assert.Single(capture.Points("gen_ai.client.operation.time_to_first_chunk", model));
        Assert.Equal(1, first.Count);
        Assert.Equal(chunks - 1, Assert.Single(capture.Points("gen_ai.client.operation.time_per_output_chunk", model)).Count);
        Assert.Equal(1, Assert.Single(capture.Points("gen_ai.client.operation.duration", model)).Count);
    }

    [Fact]
    public async Task Retries_are_span_events_and_failures_carry_the_error_type()
    {
        using var capture = new TelemetryCapture();
        await using var fixture = await AIFixture.StartAsync();
        var model = UniqueModel(fixture.Fake);
        fixture.Fake.Inject(FakeFault.Status(429, "slow down", retryAfterSeconds: 0));

        await fixture.Client.CompleteChatAsync(TestRequests.Chat(model));
        fixture.Fake.Models.Remove(model);
        await Assert.ThrowsAsync<NebiusNotFoundException>(() => fixture.Client.CompleteChatAsync(TestRequests.Chat(model)));

        var spans = capture.Spans(model);
        Assert.Equal(2, spans.Count);
        var retry = Assert.Single(spans[0].Events, e => e.Name == "nebius.retry");
        Assert.Equal(429, retry.Tags.Single(t => t.Key == "http.response.status_code").Value);
        Assert.Equal(2, retry.Tags.Single(t => t.Key == "nebius.retry.attempt").Value);
        Assert.Equal(ActivityStatusCode.Error, spans[1].Status);
        Assert.Equal("404", spans[1].GetTagItem("error.type"));
        Assert.StartsWith("fake-", (string?)spans[1].GetTagItem("nebius.request_id"), StringComparison.Ordinal);
        var failed = Assert.Single(capture.Points("gen_ai.client.operation.duration", model), p => p.Tags.ContainsKey("error.type"));
        Assert.Equal("404", failed.Tags["error.type"]);
    }

    [Fact]
    public async Task A_stream_left_early_ends_its_span_without_an_error_and_completions_are_text_completion()
    {
        using var capture = new TelemetryCapture();
        await using var fixture = await AIFixture.StartAsync();
        var model = UniqueModel(fixture.Fake);
        fixture.Fake.ChatReply = "a b c d e f";

        await foreach (var chunk in fixture.Client.StreamChatAsync(TestRequests.Chat(model)))
        {
            break;
        }

        await fixture.Client.V1.Completions.PostAsync(new CompletionRequest { Model = model, Prompt = "Once" });

        var spans = capture.Spans(model);
        Assert.Equal(2, spans.Count);
        Assert.Equal(1, spans[0].GetTagItem("nebius.stream.chunks"));
        Assert.Null(spans[0].GetTagItem("nebius.stream.chunks_per_second"));
        Assert.Equal(ActivityStatusCode.Unset, spans[0].Status);
        Assert.Equal("text_completion", spans[1].GetTagItem("gen_ai.operation.name"));
        Assert.Equal($"text_completion {model}", spans[1].DisplayName);
    }

    [Fact]
    public async Task Embeddings_record_input_tokens()
    {
        using var capture = new TelemetryCapture();
        await using var fixture = await AIFixture.StartAsync();
        var model = UniqueModel(fixture.Fake);

        await fixture.Client.EmbedAsync(model, ["a", "b", "c"]);

        var span = Assert.Single(capture.Spans(model));
        Assert.Equal("embeddings", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal(3L, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(3, Assert.Single(capture.Points("gen_ai.client.token.usage", model)).Sum);
    }

    [Fact]
    public void With_nothing_listening_a_call_carries_no_telemetry()
    {
        var request = new RequestInformation { UrlTemplate = "{+baseurl}/v1/chat/completions{?ai_project_id*}", HttpMethod = Method.POST };

        Assert.False(GenAiInstruments.Enabled);
        Assert.Null(GenAiCall.Start(request, "http://127.0.0.1:1", streaming: false, enabled: true));
        Assert.Empty(request.RequestOptions);

        // Not a timing: with nobody listening, the per-call hook allocates nothing at all.
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            GenAiCall.Start(request, "http://127.0.0.1:1", streaming: true, enabled: true);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Only_inference_operations_get_spans()
    {
        using var capture = new TelemetryCapture();
        var models = new RequestInformation { UrlTemplate = "{+baseurl}/v1/models{?verbose*}", HttpMethod = Method.GET };
        var chat = new RequestInformation { UrlTemplate = "{+baseurl}/v1/chat/completions{?ai_project_id*}", HttpMethod = Method.POST };

        Assert.Null(GenAiCall.Start(models, "http://127.0.0.1:1", streaming: false, enabled: true));
        var call = GenAiCall.Start(chat, "http://127.0.0.1:1", streaming: false, enabled: true);
        call?.End();

        Assert.NotNull(call);
        Assert.Same(call, chat.RequestOptions.Single());
    }

    private static string UniqueModel(FakeTokenFactory fake)
    {
        var model = "test/telemetry-" + Guid.NewGuid().ToString("N")[..8];
        fake.Models.Add(model);
        return model;
    }
}
