using Microsoft.AspNetCore.Http;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Streaming;

public sealed class ChatStreamingTests
{
    private static ChatCompletionRequest Request => TestRequests.Chat("meta-llama/Llama-3.3-70B-Instruct");

    private static string Chunk(string id, string content) =>
        $$"""data: {"id":"{{id}}","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"{{content}}"},"finish_reason":null}]}""";

    /// <summary>Reads a stream to its end, collecting the first choice's text of every chunk.</summary>
    private static async Task<List<string?>> ReadTexts(IAsyncEnumerable<ChatCompletionChunk> chunks, List<string?>? into = null)
    {
        into ??= [];
        await foreach (var chunk in chunks)
        {
            into.Add(chunk.Choices![0].Delta!.Content);
        }

        return into;
    }

    [Fact]
    public async Task Sends_stream_true_with_the_event_stream_accept_header_and_the_project()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond(async (context, _) =>
        {
            await LoopbackServer.BeginEventStream(context);
            await LoopbackServer.WriteEvent(context, "data: [DONE]");
        });
        using var client = TestClients.Create(server, o => o.AiProjectId = "project-s");
        var body = TestRequests.Chat("m");

        await foreach (var _ in client.V1.Chat.Completions.StreamAsync(body))
        {
        }

        var request = Assert.Single(server.Journal);
        Assert.Contains("\"stream\":true", request.Body, StringComparison.Ordinal);
        Assert.Equal("text/event-stream", request.Headers["Accept"]);
        Assert.Equal("project-s", request.QueryValue("ai_project_id"));
        Assert.Null(body.Stream);
    }

    [Fact]
    public async Task Each_chunk_arrives_before_the_server_sends_the_next()
    {
        await using var server = await LoopbackServer.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Respond(async (context, _) =>
        {
            await LoopbackServer.BeginEventStream(context);
            await LoopbackServer.WriteEvent(context, Chunk("c1", "Hel"));
            await release.Task.WaitAsync(TimeSpan.FromSeconds(20), context.RequestAborted);
            await LoopbackServer.WriteEvent(context, Chunk("c1", "lo"));
            await LoopbackServer.WriteEvent(context, "data: [DONE]");
        });
        using var client = TestClients.Create(server);

        var texts = new List<string?>();
        await foreach (var chunk in client.V1.Chat.Completions.StreamAsync(Request))
        {
            texts.Add(chunk.Choices![0].Delta!.Content);
            release.TrySetResult(); // only reached if the first chunk was delivered while the server waits
        }

        Assert.Equal(["Hel", "lo"], texts);
    }

    [Fact]
    public async Task Comments_keep_alives_and_named_events_without_data_are_skipped()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond(async (context, _) =>
        {
            await LoopbackServer.BeginEventStream(context);
            await LoopbackServer.WriteEvent(context, ": keep-alive");
            await LoopbackServer.WriteEvent(context, Chunk("c1", "a"));
            await LoopbackServer.WriteEvent(context, "event: ping");
            await LoopbackServer.WriteEvent(context, "data:" + Chunk("c1", "b")[5..]); // no space after the colon is legal too
            await LoopbackServer.WriteEvent(context, "data: [DONE]");
        });
        using var client = TestClients.Create(server);

        var texts = await ReadTexts(client.V1.Chat.Completions.StreamAsync(Request));

        Assert.Equal(["a", "b"], texts);
    }

    [Fact]
    public async Task An_error_frame_mid_stream_raises_the_typed_error_after_the_chunks_before_it()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond(async (context, _) =>
        {
            context.Response.Headers["x-request-id"] = "req-stream";
            await LoopbackServer.BeginEventStream(context);
            await LoopbackServer.WriteEvent(context, Chunk("c1", "partial"));
            await LoopbackServer.WriteEvent(context, """data: {"error":{"object":"error","message":"Engine overloaded","type":"ServiceUnavailableError","code":503}}""");
        });
        using var client = TestClients.Create(server);

        var texts = new List<string?>();
        var error = await Assert.ThrowsAsync<NebiusServerException>(() => ReadTexts(client.V1.Chat.Completions.StreamAsync(Request), texts));

        Assert.Equal(["partial"], texts);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal("Engine overloaded", error.Detail);
        Assert.Equal("req-stream", error.RequestId);
    }

    [Fact]
    public async Task A_stream_that_ends_without_done_is_a_distinct_error()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond(async (context, _) =>
        {
            await LoopbackServer.BeginEventStream(context);
            await LoopbackServer.WriteEvent(context, Chunk("c1", "a"));
            await LoopbackServer.WriteEvent(context, Chunk("c1", "b"));
        });
        using var client = TestClients.Create(server);

        var texts = new List<string?>();
        var error = await Assert.ThrowsAsync<NebiusStreamEndedException>(() => ReadTexts(client.V1.Chat.Completions.StreamAsync(Request), texts));

        Assert.Equal(["a", "b"], texts);
        Assert.Equal(2, error.ChunksReceived);
    }

    [Fact]
    public async Task A_connection_reset_mid_stream_is_a_stream_ended_error()
    {
        await using var server = await LoopbackServer.StartAsync();
        var firstChunkSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Respond(async (context, _) =>
        {
            await LoopbackServer.BeginEventStream(context);
            await LoopbackServer.WriteEvent(context, Chunk("c1", "a"));
            // Reset only once the client holds the first chunk; an earlier reset could discard the headers too.
            await firstChunkSeen.Task.WaitAsync(TimeSpan.FromSeconds(20));
            context.Abort();
        });
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<NebiusStreamEndedException>(async () =>
        {
            await foreach (var _ in client.V1.Chat.Completions.StreamAsync(Request))
            {
                firstChunkSeen.TrySetResult();
            }
        });

        Assert.Equal(1, error.ChunksReceived);
        Assert.Single(server.Journal);
    }

    [Fact]
    public async Task A_frame_that_is_not_json_is_a_format_error()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond(async (context, _) =>
        {
            await LoopbackServer.BeginEventStream(context);
            await LoopbackServer.WriteEvent(context, "data: {not json");
        });
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<NebiusStreamFormatException>(() => ReadTexts(client.V1.Chat.Completions.StreamAsync(Request)));

        Assert.Contains("{not json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_error_before_the_stream_starts_is_the_usual_typed_exception()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RespondJson(422, """{"detail":[{"type":"missing","loc":["body","messages"],"msg":"Field required"}]}""");
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<NebiusValidationException>(() => ReadTexts(client.V1.Chat.Completions.StreamAsync(Request)));

        Assert.Equal("body.messages", Assert.Single(error.ValidationErrors).Location);
    }

    [Fact]
    public async Task A_server_error_before_the_first_byte_is_retried()
    {
        await using var server = await LoopbackServer.StartAsync();
        var calls = 0;
        server.Respond(async (context, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                await LoopbackServer.Json(context, 503, "{}");
                return;
            }

            await LoopbackServer.BeginEventStream(context);
            await LoopbackServer.WriteEvent(context, Chunk("c1", "ok"));
            await LoopbackServer.WriteEvent(context, "data: [DONE]");
        });
        using var client = TestClients.Create(server);

        var texts = await ReadTexts(client.V1.Chat.Completions.StreamAsync(Request));

        Assert.Equal(["ok"], texts);
        Assert.Equal(2, server.Journal.Count);
    }

    [Fact]
    public async Task Breaking_out_of_the_loop_closes_the_connection_at_once()
    {
        await using var server = await LoopbackServer.StartAsync();
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Respond(async (context, _) =>
        {
            context.RequestAborted.Register(() => aborted.TrySetResult());
            await LoopbackServer.BeginEventStream(context);
            try
            {
                for (var i = 0; i < 10_000; i++)
                {
                    await LoopbackServer.WriteEvent(context, Chunk("c1", "x"));
                    await Task.Delay(10, context.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        using var client = TestClients.Create(server);

        await foreach (var _ in client.V1.Chat.Completions.StreamAsync(Request))
        {
            break;
        }

        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Cancelling_mid_stream_stops_with_cancellation()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond(async (context, _) =>
        {
            await LoopbackServer.BeginEventStream(context);
            await LoopbackServer.WriteEvent(context, Chunk("c1", "a"));
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        using var client = TestClients.Create(server);
        using var cancellation = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.V1.Chat.Completions.StreamAsync(Request, cancellationToken: cancellation.Token))
            {
                await cancellation.CancelAsync();
            }
        });
    }
}
