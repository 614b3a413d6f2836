using System.Text;
using Microsoft.AspNetCore.Http;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Client;

/// <summary>
/// A success status whose body cannot be read ends in one <see cref="NebiusResponseFormatException"/> with the
/// status, the request id, the content type, where the body went wrong and an excerpt; inside a stream the same
/// causes end in <see cref="NebiusStreamFormatException"/> with the same facts.
/// </summary>
public sealed class UnreadableBodyTests
{
    private const string Models = """{"object":"list","data":[{"id":"a/b","object":"model","created":1,"owned_by":"system"}]}""";

    public static TheoryData<string, byte[], string, long?> Bodies() => new()
    {
        { "malformed", Utf8("""{"object":"list","data":[{"id":"a/b",}]}"""), "trailing comma", 37 },
        { "truncated JSON", Utf8(Models[..40]), "reached end of data", 40 },
        { "invalid UTF-8", [.. Utf8("""{"object":"list","data":[{"id":"a"""), 0xC3, 0x28, .. Utf8("""b","object":"model"}]}""")], "not valid UTF-8", 33 },
        { "too deep", Utf8("""{"object":"list","x":""" + new string('[', 100) + new string(']', 100) + "}"), "maximum configured depth of 64", 84 },
        { "HTML", Utf8("<html><body>Bad gateway</body></html>"), "invalid start of a value", 0 },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_success_body_that_cannot_be_read_is_one_format_exception_with_status_and_request_id(string kind, byte[] body, string reason, long? offset)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond((context, _) => Write(context, "application/json", body));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<NebiusResponseFormatException>(() => client.V1.Models.GetAsync());

        Assert.Equal(200, error.StatusCode);
        Assert.Equal("req-fmt", error.RequestId);
        Assert.Equal("application/json", error.ContentType);
        Assert.True(offset == error.ByteOffset, $"offset {error.ByteOffset}: {error.Message}");
        Assert.True(error.Message.Contains(reason, StringComparison.OrdinalIgnoreCase), error.Message);
        Assert.Contains("[request id req-fmt]", error.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.Excerpt), kind);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task A_body_that_breaks_off_before_its_content_length_is_a_format_exception_at_the_break()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond(async (context, _) =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.Headers["x-request-id"] = "req-fmt";
            context.Response.ContentLength = Models.Length;
            await context.Response.Body.WriteAsync(Utf8(Models[..30]));
            await context.Response.Body.FlushAsync();

            // Long enough for the client to take the headers and the first bytes before the connection goes.
            await Task.Delay(300);
            context.Abort();
        });
        using var client = TestClients.Create(server, o => o.Retry = new NebiusRetryOptions { MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<NebiusResponseFormatException>(() => client.V1.Models.GetAsync());

        Assert.Equal(200, error.StatusCode);
        Assert.Equal("req-fmt", error.RequestId);
        Assert.Equal(30, error.ByteOffset);
        Assert.Contains($"of the {Models.Length}", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
    }

    [Fact]
    public async Task An_event_stream_answering_a_plain_call_is_a_format_exception_naming_the_content_type()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond((context, _) => Write(context, "text/event-stream", Utf8("data: {\"id\":\"x\"}\n\ndata: [DONE]\n\n")));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<NebiusResponseFormatException>(() => client.V1.Models.GetAsync());

        Assert.Equal("text/event-stream", error.ContentType);
        Assert.Contains("data: {", error.Excerpt, StringComparison.Ordinal);
        Assert.Contains("text/event-stream", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_excerpt_never_shows_the_api_key_even_cut_at_its_edge()
    {
        // The key sits where a window of 40 bytes before the fault would cut it in half.
        var body = "{\"echo\":\"" + TestClients.SecretKey + "\",\"data\":[}";
        await using var server = await LoopbackServer.StartAsync();
        server.Respond((context, _) => Write(context, "application/json", Utf8(body)));
        using var client = TestClients.Create(server);

        var error = await Assert.ThrowsAsync<NebiusResponseFormatException>(() => client.V1.Models.GetAsync());

        Assert.DoesNotContain(TestClients.SecretKey[..8], error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.SecretKey[^8..], error.ToString(), StringComparison.Ordinal);
        Assert.Contains("[redacted]", error.Excerpt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(204)]
    public async Task An_answer_without_a_body_is_null_from_the_generated_call_and_a_format_exception_from_a_short_form(int status)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.Respond((context, _) =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers["x-request-id"] = "req-empty";
            return Task.CompletedTask;
        });
        using var client = TestClients.Create(server);

        Assert.Null(await client.V1.Chat.Completions.PostAsync(TestRequests.Chat("m")));
        var error = await Assert.ThrowsAsync<NebiusResponseFormatException>(() => client.CompleteChatAsync(TestRequests.Chat("m")));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal("req-empty", error.RequestId);
        Assert.Contains("no body", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, long?> Frames() => new()
    {
        { "malformed", """{"id":"c","choices":[}""", 21 },
        { "invalid UTF-8", "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\u0001\"}}]}", 52 },
        { "no object", "[1,2]", null },
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public async Task A_frame_that_cannot_be_read_is_a_stream_format_exception_with_status_request_id_and_offset(string kind, string data, long? offset)
    {
        var bytes = Utf8(data);
        if (kind == "invalid UTF-8")
        {
            bytes[Array.IndexOf(bytes, (byte)1)] = 0xFF;
        }

        await using var server = await LoopbackServer.StartAsync();
        server.Respond(async (context, _) =>
        {
            context.Response.Headers["x-request-id"] = "req-sse";
            await LoopbackServer.BeginEventStream(context);
            await LoopbackServer.WriteEvent(context, """data: {"id":"c","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"ok"}}]}""");
            await context.Response.Body.WriteAsync(Utf8("data: "));
            await context.Response.Body.WriteAsync(bytes);
            await context.Response.Body.WriteAsync(Utf8("\n\ndata: [DONE]\n\n"));
        });
        using var client = TestClients.Create(server);
        var received = 0;

        var error = await Assert.ThrowsAsync<NebiusStreamFormatException>(async () =>
        {
            await foreach (var _ in client.V1.Chat.Completions.StreamAsync(TestRequests.Chat("m")))
            {
                received++;
            }
        });

        Assert.Equal(1, received);
        Assert.Equal(1, error.ChunksReceived);
        Assert.Equal(200, error.StatusCode);
        Assert.Equal("req-sse", error.RequestId);
        Assert.Equal("text/event-stream", error.ContentType);
        if (offset is not null)
        {
            Assert.Equal(offset, error.ByteOffset);
        }

        Assert.False(string.IsNullOrEmpty(error.Excerpt), kind);
        Assert.Contains("Frame 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("[request id req-sse]", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task Write(HttpContext context, string contentType, byte[] body)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = contentType;
        context.Response.Headers["x-request-id"] = "req-fmt";
        await context.Response.Body.WriteAsync(body);
    }
}
