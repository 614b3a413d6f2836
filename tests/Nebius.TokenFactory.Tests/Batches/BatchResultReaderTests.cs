using System.Text;
using Nebius.Testing;
using Nebius.TokenFactory.Batches;
using Nebius.TokenFactory.Models;

namespace Nebius.TokenFactory.Tests.Batches;

public sealed class BatchResultReaderTests
{
    [Fact]
    public async Task A_real_nebius_output_line_reads_with_the_completion_as_the_response()
    {
        var line = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "openapi", "examples", "batch_output_line.chat_completion.real.json"));

        var result = Assert.Single(await ReadAsync(Compact(line)));

        Assert.Equal("request-1", result.CustomId);
        Assert.Equal("batch_req_e3f24ba0-8305-4395-9d1f-95703a363986", result.Id);
        Assert.True(result.Succeeded);
        Assert.Null(result.StatusCode);
        Assert.Equal("Hello! How can I assist you today?", result.Response!.Choices![0].Message!.Content);
        Assert.Equal(32, result.Response.Usage!.TotalTokens);
    }

    [Fact]
    public async Task An_error_line_reads_with_its_code_and_message()
    {
        var line = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "openapi", "examples", "batch_error_line.authored.json"));

        var result = Assert.Single(await ReadAsync(Compact(line)));

        Assert.False(result.Succeeded);
        Assert.Null(result.Response);
        Assert.Equal("invalid_request", result.Error!.Code!.String);
        Assert.Equal("messages must not be empty", result.Error.Message);
    }

    [Fact]
    public async Task The_openai_wrapper_plain_text_errors_and_blank_lines_are_tolerated()
    {
        var file = string.Join('\n',
            """{"id":"r1","custom_id":"ok","response":{"status_code":200,"request_id":"x","body":{"id":"c1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"wrapped"}}]}},"error":null}""",
            string.Empty,
            """{"custom_id":"bad","response":{"status_code":400,"body":{"error":{"message":"too long","code":"context_length"}}},"error":null}""",
            "   ",
            """{"custom_id":"text","response":null,"error":"model overloaded"}""") + "\r\n";

        var results = await ReadAsync(file);

        Assert.Equal(["ok", "bad", "text"], results.Select(r => r.CustomId));
        Assert.Equal("wrapped", results[0].Response!.Choices![0].Message!.Content);
        Assert.Equal(200, results[0].StatusCode);
        Assert.True(results[0].Succeeded);
        Assert.False(results[1].Succeeded);
        Assert.Equal(400, results[1].StatusCode);
        Assert.Equal("too long", results[1].Error!.Message);
        Assert.Equal("model overloaded", results[2].Error!.Message);
        Assert.Equal(5, results[2].LineNumber);
    }

    [Fact]
    public async Task A_line_that_is_not_json_or_has_no_custom_id_fails_with_its_number()
    {
        var notJson = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync("{\"custom_id\":\"a\"}\n{oops\n"));
        var noId = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync("{\"response\":null}\n"));

        Assert.Contains("Line 2", notJson.Message, StringComparison.Ordinal);
        Assert.Contains("Line 1", noId.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embedding_results_read_typed()
    {
        var results = new List<BatchResultLine<EmbeddingResponse>>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""{"custom_id":"e","response":{"object":"list","model":"m","data":[{"object":"embedding","index":0,"embedding":[0.5,0.25]}]}}""" + "\n"));
        await foreach (var line in BatchResultReader.ReadEmbeddingsAsync(stream))
        {
            results.Add(line);
        }

        Assert.Equal([0.5f, 0.25f], Assert.Single(results).Response!.Data![0].ToVector());
    }

    [Fact]
    public async Task Joining_pairs_lines_in_any_order_with_the_inputs_and_reports_the_rest()
    {
        var inputs = "abcd".Select(c => c.ToString()).Select(id => KeyValuePair.Create(id, "request " + id)).ToList();
        var output = """
            {"custom_id":"c","response":{"id":"3","choices":[]}}
            {"custom_id":"zzz","response":{"id":"9","choices":[]}}
            {"custom_id":"a","response":{"id":"1","choices":[]}}
            """;
        var errors = """
            {"custom_id":"b","response":null,"error":{"message":"failed once"}}
            {"custom_id":"a","response":null,"error":{"message":"a late duplicate error"}}
            """;

        var joined = await BatchJoin.JoinAsync(inputs, [Lines(output), Lines(errors)]);

        Assert.Equal(["a", "b", "c", "d"], joined.Items.Select(i => i.CustomId));
        Assert.Equal(["request a", "request b", "request c", "request d"], joined.Items.Select(i => i.Request));
        Assert.Equal([BatchItemOutcome.Succeeded, BatchItemOutcome.Failed, BatchItemOutcome.Succeeded, BatchItemOutcome.Missing], joined.Items.Select(i => i.Outcome));
        Assert.Equal("1", joined.Items[0].Response!.Id);
        Assert.Equal("failed once", joined.Items[1].Error!.Message);
        Assert.Equal("zzz", Assert.Single(joined.Unmatched).CustomId);
        Assert.Equal((2, 1, 1), (joined.SucceededCount, joined.FailedCount, joined.MissingCount));
    }

    [Fact]
    public async Task Joining_refuses_inputs_with_a_repeated_custom_id()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => BatchJoin.JoinAsync([KeyValuePair.Create("x", 1), KeyValuePair.Create("x", 2)], Array.Empty<IAsyncEnumerable<BatchResultLine<ChatCompletionResponse>>>()));

        Assert.Equal("inputs", error.ParamName);
    }

    [Fact]
    public async Task Lines_are_cut_on_bytes_across_buffer_ends_with_a_bom_crlf_and_no_final_newline()
    {
        // A 200 KB answer spans several of the reader's 64 KiB buffers; the BOM, CRLF endings and the missing
        // final newline are what files written on other systems bring.
        var longText = new string('x', 200_000);
        var text = "\uFEFF" + Line("a", "short") + "\r\n" + Line("b", longText) + "\r\n\r\n" + Line("c", "ünïcødé");

        var results = await ReadAsync(text);

        Assert.Equal(["a", "b", "c"], results.Select(r => r.CustomId));
        Assert.Equal(["short", longText, "ünïcødé"], results.Select(r => r.Response!.Choices![0].Message!.Content));
        Assert.Equal([1, 2, 4], results.Select(r => r.LineNumber));
    }

    [Fact]
    public async Task A_line_with_two_json_values_names_its_line_number()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(Line("a", "ok") + "\n" + Line("b", "ok") + " {}\n"));

        Assert.Contains("Line 2", error.Message, StringComparison.Ordinal);
    }

    private static string Line(string customId, string content) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = "batch_req_" + customId,
            ["custom_id"] = customId,
            ["response"] = new Dictionary<string, object?>
            {
                ["id"] = "chatcmpl-" + customId,
                ["object"] = "chat.completion",
                ["created"] = 1,
                ["model"] = "m",
                ["choices"] = new object[] { new Dictionary<string, object?> { ["index"] = 0, ["finish_reason"] = "stop", ["message"] = new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = content } } },
            },
            ["error"] = null,
        });

    private static string Compact(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString() + "\n";

    private static IAsyncEnumerable<BatchResultLine<ChatCompletionResponse>> Lines(string text) =>
        BatchResultReader.ReadChatCompletionsAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private static async Task<List<BatchResultLine<ChatCompletionResponse>>> ReadAsync(string text)
    {
        var results = new List<BatchResultLine<ChatCompletionResponse>>();
        await foreach (var line in Lines(text))
        {
            results.Add(line);
        }

        return results;
    }
}
