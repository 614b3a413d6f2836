using System.Text;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Streaming;
using Nebius.TokenFactory.Tests.Serialization;

namespace Nebius.TokenFactory.Tests.Streaming;

/// <summary>
/// How one SSE data field becomes a frame: a chunk read in place from the parser's buffer (which the parser
/// reuses for the next frame, so the chunk must keep nothing of it), an error object, or a malformed frame.
/// </summary>
public sealed class SseFrameParserTests
{
    [Fact]
    public void A_chunk_keeps_its_unknown_arrays_after_the_frame_bytes_are_overwritten()
    {
        const string Data = """{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"hi"}}],"token_ids":[[1,2],[3]],"vendor":{"list":["a",null]}}""";
        var bytes = Encoding.UTF8.GetBytes(Data);

        var frame = SseFrameParser.Parse("message", bytes, ChatCompletionChunk.CreateFromDiscriminatorValue, redactor: null);
        Array.Fill(bytes, (byte)'#');

        Assert.Equal(SseFrameKind.Chunk, frame.Kind);
        var written = ModelFingerprint.Write(frame.Chunk!);
        Assert.Contains("\"token_ids\":[[1,2],[3]]", written, StringComparison.Ordinal);
        Assert.Contains("\"vendor\":{\"list\":[\"a\",null]}", written, StringComparison.Ordinal);
        Assert.Contains("\"content\":\"hi\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_frame_carries_the_headers_of_the_stream_response()
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase) { ["x-request-id"] = ["req-7"] };

        var frame = SseFrameParser.Parse("message", """{"error":{"message":"boom","code":429}}"""u8, ChatCompletionChunk.CreateFromDiscriminatorValue, redactor: null, headers);

        Assert.Equal(SseFrameKind.Error, frame.Kind);
        Assert.Equal(429, frame.Error!.StatusCode);
        Assert.Equal("req-7", frame.Error.Header("x-request-id"));
        Assert.Equal("boom", frame.Error.Detail);
    }

    [Theory]
    [InlineData("""{"error":{"message":"boom","code":503}}""", 503)]
    [InlineData("""{"detail":"bad"}""", 500)]
    [InlineData("""{"object":"error","detail":"bad","error":null}""", 500)]
    public void An_object_with_error_or_detail_and_no_choices_is_an_error(string data, int status)
    {
        var frame = SseFrameParser.Parse("message", Encoding.UTF8.GetBytes(data), ChatCompletionChunk.CreateFromDiscriminatorValue, redactor: null);

        Assert.Equal(SseFrameKind.Error, frame.Kind);
        Assert.Equal(status, frame.Error!.StatusCode);
    }

    [Fact]
    public void A_chunk_with_choices_and_an_error_field_is_a_chunk()
    {
        const string Data = """{"id":"c","choices":[{"index":0,"delta":{"content":"x"}}],"error":null}""";

        var frame = SseFrameParser.Parse("message", Encoding.UTF8.GetBytes(Data), ChatCompletionChunk.CreateFromDiscriminatorValue, redactor: null);

        Assert.Equal(SseFrameKind.Chunk, frame.Kind);
        Assert.Equal("x", frame.Chunk!.Choices![0].Delta!.Content);
    }

    [Theory]
    [InlineData("""{"id":"c"} trailing""")]
    [InlineData("""{"id":"c",""")]
    [InlineData("""["not","an","object"]""")]
    [InlineData("not json")]
    public void Data_that_is_not_one_json_object_is_malformed(string data)
    {
        var frame = SseFrameParser.Parse("message", Encoding.UTF8.GetBytes(data), ChatCompletionChunk.CreateFromDiscriminatorValue, redactor: null);

        Assert.Equal(SseFrameKind.Malformed, frame.Kind);
    }

    [Fact]
    public void An_error_event_is_an_error_whatever_its_data()
    {
        const string Data = """{"id":"c","choices":[]}""";

        var frame = SseFrameParser.Parse("error", Encoding.UTF8.GetBytes(Data), ChatCompletionChunk.CreateFromDiscriminatorValue, redactor: null);

        Assert.Equal(SseFrameKind.Error, frame.Kind);
    }
}
