using System.Text;
using Nebius.TokenFactory.Batches;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Testing;
using Nebius.TokenFactory.Tests.Infrastructure;

namespace Nebius.TokenFactory.Tests.Batches;

/// <summary>Strict reading (the default) fails at a garbled line and names it; lenient reading yields it as malformed and goes on.</summary>
public sealed class BatchReadModeTests
{
    private const string Model = "meta-llama/Meta-Llama-3.1-8B-Instruct";

    /// <summary>Line 2 is cut short after its custom_id; line 4 is no JSON at all.</summary>
    private static readonly string Garbled =
        Line("a", "first") + "\n" +
        Line("b", "second")[..60] + "\n" +
        Line("c", "third") + "\n" +
        "<html>502 Bad Gateway</html>\n";

    [Fact]
    public async Task Strict_reading_fails_at_the_first_garbled_line_naming_its_number_and_custom_id()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(Garbled, BatchReadMode.Strict));

        Assert.Equal(2, error.Data["LineNumber"]);
        Assert.Equal("b", error.Data["CustomId"]);
        Assert.StartsWith("Line 2 of the batch file (custom_id \"b\") is not JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_is_the_default_and_a_line_without_a_readable_custom_id_is_named_by_its_number_alone()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(Line("a", "first") + "\n<html>502</html>\n", mode: null));

        Assert.Equal(2, error.Data["LineNumber"]);
        Assert.False(error.Data.Contains("CustomId"));
        Assert.StartsWith("Line 2 of the batch file is not JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_reading_names_the_custom_id_of_a_line_whose_response_is_nested_too_deep_to_read()
    {
        var text = Line("a", "first") + "\n" + """{"custom_id":"b","response":{"id":"x","extra":""" + new string('[', 200) + new string(']', 200) + "}}\n";

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(text, BatchReadMode.Strict));

        Assert.Equal<object?>([2, "b"], [error.Data["LineNumber"], error.Data["CustomId"]]);
        Assert.StartsWith("Line 2 of the batch file (custom_id \"b\") ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lenient_reading_yields_each_garbled_line_as_malformed_and_reads_on()
    {
        var lines = await ReadAsync(Garbled, BatchReadMode.Lenient);

        Assert.Equal(["a", "b", "c", string.Empty], lines.Select(l => l.CustomId));
        Assert.Equal([false, true, false, true], lines.Select(l => l.IsMalformed));
        Assert.Equal([true, false, true, false], lines.Select(l => l.Succeeded));
        Assert.Equal([1, 2, 3, 4], lines.Select(l => l.LineNumber));
        Assert.Equal("third", lines[2].Response!.Choices![0].Message!.Content);
        Assert.Null(lines[1].Response);
        Assert.Equal("malformed_line", lines[1].Error!.Code!.String);
        Assert.StartsWith("Line 2 of the batch file (custom_id \"b\") is not JSON: ", lines[1].Error!.Message, StringComparison.Ordinal);
        Assert.StartsWith("Line 4 of the batch file is not JSON: ", lines[3].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lenient_join_marks_the_input_of_a_malformed_line_and_lists_every_malformed_line()
    {
        var inputs = "abcd".Select(id => KeyValuePair.Create(id.ToString(), "request " + id));

        var joined = await BatchJoin.JoinAsync(inputs, [Lines(Garbled, BatchReadMode.Lenient)], BatchReadMode.Lenient);

        Assert.Equal(
            [BatchItemOutcome.Succeeded, BatchItemOutcome.Malformed, BatchItemOutcome.Succeeded, BatchItemOutcome.Missing],
            joined.Items.Select(i => i.Outcome));
        Assert.Equal("malformed_line", joined.Items[1].Error!.Code!.String);
        Assert.Equal([2, 4], joined.Malformed.Select(l => l.LineNumber));
        Assert.Empty(joined.Unmatched);
        Assert.Equal((2, 0, 1, 1), (joined.SucceededCount, joined.FailedCount, joined.MissingCount, joined.MalformedCount));
    }

    [Fact]
    public async Task A_good_line_for_the_same_id_beats_a_malformed_one()
    {
        var text = Line("a", "first")[..40] + "\n" + Line("a", "again") + "\n";

        var joined = await BatchJoin.JoinAsync([KeyValuePair.Create("a", 1)], [Lines(text, BatchReadMode.Lenient)], BatchReadMode.Lenient);

        var item = Assert.Single(joined.Items);
        Assert.Equal(BatchItemOutcome.Succeeded, item.Outcome);
        Assert.Equal("again", item.Response!.Choices![0].Message!.Content);
        Assert.Single(joined.Malformed);
    }

    [Fact]
    public async Task A_strict_join_fails_at_a_malformed_line_a_lenient_reader_let_through()
    {
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => BatchJoin.JoinAsync([KeyValuePair.Create("a", 1)], [Lines(Garbled, BatchReadMode.Lenient)]));

        Assert.Equal<object?>([2, "b"], [error.Data["LineNumber"], error.Data["CustomId"]]);
    }

    [Fact]
    public async Task A_mode_outside_the_enum_is_refused_naming_the_parameter()
    {
        var read = Assert.Throws<ArgumentOutOfRangeException>(() => BatchResultReader.ReadChatCompletionsAsync(new MemoryStream(), (BatchReadMode)7));
        var join = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => BatchJoin.JoinAsync([KeyValuePair.Create("a", 1)], Array.Empty<IAsyncEnumerable<BatchResultLine<ChatCompletionResponse>>>(), (BatchReadMode)7));
        using var client = new NebiusClient(new NebiusClientOptions { ApiKey = TestClients.SecretKey, BaseUrl = new Uri("http://127.0.0.1:9/") });
        var run = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.RunBatchAsync([KeyValuePair.Create("a", TestRequests.Chat(Model))], new BatchRunOptions { ReadMode = (BatchReadMode)7 }));

        Assert.Equal(("mode", "mode", "options"), (read.ParamName, join.ParamName, run.ParamName));
    }

    [Fact]
    public async Task A_lenient_batch_run_reads_past_a_garbled_output_line_and_reports_it_on_its_input()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.BatchStates = ["validating", "in_progress", "completed"];
        using var client = TestClients.Create(fake);
        var requests = Enumerable.Range(0, 5).Select(i => KeyValuePair.Create($"req-{i}", TestRequests.Chat(Model, $"question {i}"))).ToList();

        // Once an output file exists, the line of req-3 is cut short after its custom_id, as a file damaged on the way would be.
        var garbled = new HashSet<string>();
        var progress = new SynchronousProgress<Batch>(batch =>
        {
            if (batch.OutputFileId is { } id && garbled.Add(id))
            {
                var file = fake.Files[id];
                var lines = Encoding.UTF8.GetString(file.Content).Split('\n').Select(l => l.Contains("\"req-3\"", StringComparison.Ordinal) ? l[..(l.IndexOf("\"req-3\"", StringComparison.Ordinal) + 7)] + ",\"response\":{\"id\":" : l);
                fake.Files[id] = file with { Content = Encoding.UTF8.GetBytes(string.Join('\n', lines)) };
            }
        });

        var lenient = await client.RunBatchAsync(requests, new BatchRunOptions { Wait = Instant, Progress = progress, ReadMode = BatchReadMode.Lenient });

        Assert.Equal(BatchItemOutcome.Malformed, lenient.Results.Items[3].Outcome);
        Assert.Equal(4, lenient.Results.SucceededCount);
        Assert.Contains("(custom_id \"req-3\")", Assert.Single(lenient.Results.Malformed).Error!.Message, StringComparison.Ordinal);

        var strict = await Assert.ThrowsAsync<InvalidDataException>(() => client.RunBatchAsync(requests, new BatchRunOptions { Wait = Instant, Progress = progress }));
        Assert.Equal("req-3", strict.Data["CustomId"]);
    }

    private static NebiusWaitOptions Instant => new() { TimeProvider = new InstantTimeProvider() };

    private static string Line(string customId, string content) =>
        $$$"""{"id":"batch_req_{{{customId}}}","custom_id":"{{{customId}}}","response":{"id":"chatcmpl-{{{customId}}}","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"{{{content}}}"}}]},"error":null}""";

    private static IAsyncEnumerable<BatchResultLine<ChatCompletionResponse>> Lines(string text, BatchReadMode? mode) =>
        mode is { } m
            ? BatchResultReader.ReadChatCompletionsAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), m)
            : BatchResultReader.ReadChatCompletionsAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private static async Task<List<BatchResultLine<ChatCompletionResponse>>> ReadAsync(string text, BatchReadMode? mode)
    {
        var results = new List<BatchResultLine<ChatCompletionResponse>>();
        await foreach (var line in Lines(text, mode))
        {
            results.Add(line);
        }

        return results;
    }
}
