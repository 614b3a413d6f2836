using System.Text;
using System.Text.Json;
using Nebius.TokenFactory.Batches;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Batches;

public sealed class BatchInputWriterTests
{
    private const string Model = "meta-llama/Meta-Llama-3.1-8B-Instruct";

    [Fact]
    public async Task Each_line_is_one_json_object_with_custom_id_method_url_and_the_typed_body()
    {
        using var buffer = new MemoryStream();
        await using (var writer = BatchInputWriter.Create(buffer, leaveOpen: true))
        {
            await writer.WriteAsync("q1", TestRequests.Chat(Model, "first"));
            var second = TestRequests.Chat(Model, "second \"quoted\"");
            second.MaxTokens = 50;
            await writer.WriteAsync("q2", second);
            Assert.Equal(2, writer.LineCount);
            Assert.Equal(Model, writer.Model);
            Assert.Equal(buffer.Length, writer.BytesWritten);
        }

        var lines = Encoding.UTF8.GetString(buffer.ToArray()).Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal(string.Empty, lines[2]);
        using var first = JsonDocument.Parse(lines[0]);
        using var secondLine = JsonDocument.Parse(lines[1]);
        Assert.Equal("q1", first.RootElement.GetProperty("custom_id").GetString());
        Assert.Equal("POST", first.RootElement.GetProperty("method").GetString());
        Assert.Equal("/v1/chat/completions", first.RootElement.GetProperty("url").GetString());
        Assert.Equal(Model, first.RootElement.GetProperty("body").GetProperty("model").GetString());
        Assert.Equal("first", first.RootElement.GetProperty("body").GetProperty("messages")[0].GetProperty("content").GetString());
        Assert.Equal("second \"quoted\"", secondLine.RootElement.GetProperty("body").GetProperty("messages")[0].GetProperty("content").GetString());
        Assert.Equal(50, secondLine.RootElement.GetProperty("body").GetProperty("max_tokens").GetInt32());
    }

    [Fact]
    public async Task A_repeated_custom_id_is_refused_and_nothing_of_it_is_written()
    {
        using var buffer = new MemoryStream();
        await using var writer = BatchInputWriter.Create(buffer, leaveOpen: true);
        await writer.WriteAsync("same", TestRequests.Chat(Model));
        var before = buffer.Length;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteAsync("same", TestRequests.Chat(Model)).AsTask());

        Assert.Equal("customId", error.ParamName);
        Assert.Equal(before, buffer.Length);
        Assert.Equal(1, writer.LineCount);
    }

    [Fact]
    public async Task Every_line_must_use_the_first_lines_model_and_endpoint()
    {
        await using var writer = BatchInputWriter.Create(new MemoryStream());
        await writer.WriteAsync("a", TestRequests.Chat(Model));

        var model = await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteAsync("b", TestRequests.Chat("Qwen/Qwen3-235B-A22B")).AsTask());
        var endpoint = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync("c", new EmbeddingRequest { Model = Model, Input = "x" }).AsTask());

        Assert.Equal("body", model.ParamName);
        Assert.Contains("same model", model.Message, StringComparison.Ordinal);
        Assert.Contains("/v1/chat/completions", endpoint.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_bodies_are_refused()
    {
        await using var writer = BatchInputWriter.Create(new MemoryStream());
        var streaming = TestRequests.Chat(Model);
        streaming.Stream = true;

        var empty = await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteAsync("a", new ChatCompletionRequest { Model = Model, Messages = [] }).AsTask());
        var stream = await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteAsync("b", streaming).AsTask());
        var id = await Assert.ThrowsAsync<ArgumentException>(() => writer.WriteAsync(" ", TestRequests.Chat(Model)).AsTask());

        Assert.Equal("body", empty.ParamName);
        Assert.Equal("body", stream.ParamName);
        Assert.Equal("customId", id.ParamName);
        Assert.Equal(0, writer.LineCount);
    }

    [Fact]
    public async Task The_line_limit_is_enforced()
    {
        await using var writer = BatchInputWriter.Create(new MemoryStream(), BatchEndpoint.V1ChatCompletions, leaveOpen: false, maxBytes: long.MaxValue, maxLines: 3);
        for (var i = 0; i < 3; i++)
        {
            await writer.WriteAsync($"r{i}", TestRequests.Chat(Model));
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync("r3", TestRequests.Chat(Model)).AsTask());

        Assert.Contains("3 lines", error.Message, StringComparison.Ordinal);
        Assert.Equal(NebiusLimits.BatchInputMaxLines, 5_000_000);
    }

    [Fact]
    public async Task The_byte_limit_is_enforced_before_the_line_is_written()
    {
        using var buffer = new MemoryStream();
        await using var writer = BatchInputWriter.Create(buffer, BatchEndpoint.V1ChatCompletions, leaveOpen: true, maxBytes: 300, maxLines: int.MaxValue);
        await writer.WriteAsync("r0", TestRequests.Chat(Model));
        var after = buffer.Length;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            for (var i = 1; i < 10; i++)
            {
                await writer.WriteAsync($"r{i}", TestRequests.Chat(Model));
                after = buffer.Length;
            }
        });

        Assert.Contains("300 bytes", error.Message, StringComparison.Ordinal);
        Assert.True(buffer.Length <= 300);
        Assert.Equal(after, buffer.Length);
    }

    [Fact]
    public async Task Embedding_lines_target_the_embeddings_endpoint()
    {
        using var buffer = new MemoryStream();
        await using (var writer = BatchInputWriter.Create(buffer, BatchEndpoint.V1Embeddings, leaveOpen: true))
        {
            await writer.WriteAsync("e1", new EmbeddingRequest { Model = "BAAI/bge-en-icl", Input = "text" });
        }

        using var line = JsonDocument.Parse(Encoding.UTF8.GetString(buffer.ToArray()));
        Assert.Equal("/v1/embeddings", line.RootElement.GetProperty("url").GetString());
        Assert.Equal("text", line.RootElement.GetProperty("body").GetProperty("input").GetString());
    }

    [Fact]
    public void A_read_only_destination_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => BatchInputWriter.Create(new MemoryStream([], writable: false)));

        Assert.Equal("destination", error.ParamName);
    }
}
