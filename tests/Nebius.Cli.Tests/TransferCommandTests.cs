using System.Text;
using System.Text.Json.Nodes;
using Nebius.TokenFactory;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Testing;

namespace Nebius.Cli.Tests;

/// <summary><c>files upload|download</c> and <c>batches run</c> against the fake: real files in and out.</summary>
public sealed class TransferCommandTests : IDisposable
{
    private const string Model = "meta-llama/Meta-Llama-3.1-8B-Instruct";

    private readonly string _folder = Directory.CreateTempSubdirectory("nebius-cli-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JsonNode Json(string output) => JsonNode.Parse(output) ?? throw new Xunit.Sdk.XunitException("no JSON: " + output);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static string ChatLine(string customId, string question, string model = Model) =>
        new JsonObject
        {
            ["custom_id"] = customId,
            ["method"] = "POST",
            ["url"] = "/v1/chat/completions",
            ["body"] = new JsonObject { ["model"] = model, ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = question }) },
        }.ToJsonString();

    private string WriteInput(params string[] lines)
    {
        var path = PathOf("input.jsonl");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private static List<JsonNode> ReadLines(string path) =>
        [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!)];

    [Fact]
    public async Task Upload_sends_the_file_as_is_and_prints_its_id()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var path = WriteInput(ChatLine("q1", "Hi"));

        var (exit, output, errors) = await Cli.Against(fake, "files", "upload", path, "--purpose", "batch");

        Assert.Equal(0, exit);
        var stored = Assert.Single(fake.Files.Values);
        Assert.Equal(await File.ReadAllBytesAsync(path), stored.Content);
        Assert.Equal("batch", stored.Purpose);
        Assert.Equal("input.jsonl", stored.FileName);
        Assert.Equal($"uploaded {stored.Id} (input.jsonl, {stored.Content.Length} bytes, batch)", output.Trim());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Upload_with_json_prints_the_file_object()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var path = WriteInput(ChatLine("q1", "Hi"));

        var (exit, output, _) = await Cli.Against(fake, "files", "upload", path, "--purpose", "fine-tune", "--json");

        Assert.Equal(0, exit);
        var file = Json(output);
        var stored = Assert.Single(fake.Files.Values);
        Assert.Equal(stored.Id, file["id"]!.GetValue<string>());
        Assert.Equal("fine-tune", file["purpose"]!.GetValue<string>());
        Assert.Equal(new FileInfo(path).Length, file["bytes"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("missing.jsonl", "batch", "<path>: no file at")]
    [InlineData("input.jsonl", "assistants", "--purpose must be batch or fine-tune, not 'assistants'")]
    public async Task Upload_usage_errors_exit_with_2_before_anything_is_sent(string name, string purpose, string message)
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        WriteInput(ChatLine("q1", "Hi"));

        var (exit, output, errors) = await Cli.Against(fake, "files", "upload", PathOf(name), "--purpose", purpose);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(message, errors, StringComparison.Ordinal);
        Assert.Empty(fake.Journal);
    }

    [Fact]
    public async Task Upload_without_purpose_is_a_usage_error()
    {
        var (exit, _, errors) = await Cli.Run("files", "upload", WriteInput(ChatLine("q1", "Hi")));

        Assert.Equal(2, exit);
        Assert.Contains("--purpose", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_refused_by_the_server_exits_with_1()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.Inject(FakeFault.Status(413, "File too large"));

        var (exit, output, errors) = await Cli.Against(fake, "files", "upload", WriteInput(ChatLine("q1", "Hi")), "--purpose", "batch");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("File too large", errors, StringComparison.Ordinal);
        Assert.Empty(fake.Files);
    }

    [Fact]
    public async Task Download_writes_the_files_bytes_and_prints_where()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(i => $"{{\"n\":{i}}}\n")));
        fake.Files["file-big"] = new FakeFile("file-big", "big.jsonl", "batch", content, 1_700_000_000);
        var target = PathOf("saved.jsonl");

        var (exit, output, _) = await Cli.Against(fake, "files", "download", "file-big", "--output", target);

        Assert.Equal(0, exit);
        Assert.Equal(content, await File.ReadAllBytesAsync(target));
        Assert.Equal($"downloaded file-big to {target} ({content.Length:N0} bytes)", output.Trim());
    }

    [Fact]
    public async Task Download_with_json_prints_the_id_path_and_size()
    {
        var target = PathOf("sample.jsonl");

        var (exit, output, _) = await Cli.Run("files", "download", "file-sample-training", "-o", target, "--json", "--fake");

        Assert.Equal(0, exit);
        var result = Json(output);
        Assert.Equal("file-sample-training", result["id"]!.GetValue<string>());
        Assert.Equal(target, result["output"]!.GetValue<string>());
        Assert.Equal(new FileInfo(target).Length, result["bytes"]!.GetValue<long>());
        Assert.Contains("\"messages\"", await File.ReadAllTextAsync(target), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_into_a_missing_folder_is_a_usage_error_naming_output()
    {
        await using var fake = await FakeTokenFactory.StartAsync();

        var (exit, _, errors) = await Cli.Against(fake, "files", "download", "file-x", "--output", PathOf("no/such/folder/x.jsonl"));

        Assert.Equal(2, exit);
        Assert.Contains("--output: the folder of", errors, StringComparison.Ordinal);
        Assert.Empty(fake.Journal);
    }

    [Fact]
    public async Task Download_of_an_unknown_file_exits_with_1_and_leaves_no_file()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var target = PathOf("nothing.jsonl");

        var (exit, _, errors) = await Cli.Against(fake, "files", "download", "file-nope", "--output", target);

        Assert.Equal(1, exit);
        Assert.Contains("404", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Batches_run_writes_results_and_errors_and_prints_states_and_a_summary()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.BatchReply = question => "answer to " + question;
        fake.BatchLineFailure = id => id == "q2" ? "model overloaded" : null;
        var input = WriteInput(ChatLine("q1", "one"), ChatLine("q2", "two"), ChatLine("q3", "three"));
        var results = PathOf("results.jsonl");
        var failures = PathOf("errors.jsonl");

        var (exit, output, _) = await Cli.Against(fake, "batches", "run", input, "--output", results, "--errors", failures, "--poll-interval", "0.01");

        Assert.Equal(0, exit);
        var succeeded = ReadLines(results);
        Assert.Equal(["q1", "q3"], succeeded.Select(l => l["custom_id"]!.GetValue<string>()).Order());
        Assert.All(succeeded, l => Assert.Equal(
            "answer to " + (l["custom_id"]!.GetValue<string>() == "q1" ? "one" : "three"),
            l["response"]!["choices"]![0]!["message"]!["content"]!.GetValue<string>()));
        var failed = Assert.Single(ReadLines(failures));
        Assert.Equal("q2", failed["custom_id"]!.GetValue<string>());
        Assert.Contains("model overloaded", failed.ToJsonString(), StringComparison.Ordinal);

        var create = Assert.Single(fake.Journal, r => r.Method == "POST" && r.Path == "/v1/batches");
        var inputFileId = Json(create.Body)["input_file_id"]!.GetValue<string>();
        Assert.Equal(await File.ReadAllBytesAsync(input), fake.Files[inputFileId].Content);
        Assert.Matches(@"(?m)^batch batch_\S+: validating$", output);
        Assert.Matches(@"(?m)^batch batch_\S+: in_progress", output);
        Assert.Matches(@"(?m)^batch batch_\S+: completed", output);
        Assert.Contains($"2 succeeded, 1 failed; results in {results}, errors in {failures}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batches_run_with_the_embeddings_endpoint_writes_the_vectors_of_every_line()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        const string EmbeddingModel = "BAAI/bge-en-icl";
        string EmbedLine(string customId, string text) => new JsonObject
        {
            ["custom_id"] = customId,
            ["method"] = "POST",
            ["url"] = "/v1/embeddings",
            ["body"] = new JsonObject { ["model"] = EmbeddingModel, ["input"] = text },
        }.ToJsonString();
        var results = PathOf("vectors.jsonl");

        var (exit, output, errors) = await Cli.Against(fake, "batches", "run", WriteInput(EmbedLine("e1", "hello"), EmbedLine("e2", "world")), "--endpoint", "/v1/embeddings", "-o", results, "--poll-interval", "0.01");

        Assert.True(exit == 0, errors);
        Assert.Contains("2 succeeded, 0 failed", output, StringComparison.Ordinal);
        Assert.Equal("/v1/embeddings", Json(Assert.Single(fake.Journal, r => r.Method == "POST" && r.Path == "/v1/batches").Body)["endpoint"]!.GetValue<string>());
        using var client = new NebiusClient(new NebiusClientOptions { ApiKey = "k", BaseUrl = fake.BaseUrl });
        foreach (var line in ReadLines(results))
        {
            var text = line["custom_id"]!.GetValue<string>() == "e1" ? "hello" : "world";
            var online = await client.V1.Embeddings.PostAsync(new EmbeddingRequest { Model = EmbeddingModel, Input = text });
            var vector = line["response"]!["data"]![0]!["embedding"]!.AsArray().Select(v => v!.GetValue<float>());
            Assert.Equal("list", line["response"]!["object"]!.GetValue<string>());
            Assert.Equal(online!.Data![0].ToVector(), vector);
        }
    }

    [Fact]
    public async Task Batches_run_with_json_prints_the_batch_paths_and_counts()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.BatchLineFailure = id => id == "q1" ? "nope" : null;
        var results = PathOf("results.jsonl");

        var (exit, output, _) = await Cli.Against(fake, "batches", "run", WriteInput(ChatLine("q1", "one"), ChatLine("q2", "two")), "-o", results, "--poll-interval", "0.01", "--json");

        Assert.Equal(0, exit);
        var summary = Json(output);
        Assert.Equal("completed", summary["batch"]!["status"]!.GetValue<string>());
        Assert.StartsWith("batch_", summary["batch"]!["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(results, summary["output"]!.GetValue<string>());
        Assert.Null(summary["errors"]);
        Assert.Equal(1, summary["succeeded"]!.GetValue<long>());
        Assert.Equal(1, summary["failed"]!.GetValue<long>());
        Assert.Equal("q2", Assert.Single(ReadLines(results))["custom_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Batches_run_works_offline_against_the_built_in_fake()
    {
        var results = PathOf("results.jsonl");

        var (exit, output, errors) = await Cli.Run("batches", "run", WriteInput(ChatLine("a", "x"), ChatLine("b", "y")), "--output", results, "--poll-interval", "0.01", "--fake");

        Assert.Equal(0, exit);
        Assert.Contains("built-in fake", errors, StringComparison.Ordinal);
        Assert.Equal(["a", "b"], ReadLines(results).Select(l => l["custom_id"]!.GetValue<string>()).Order());
        Assert.Contains("2 succeeded, 0 failed", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"custom_id":"q1","method":"GET","url":"/v1/chat/completions","body":{}}""", "line 2: method must be POST")]
    [InlineData("""{"custom_id":"q1","method":"POST","url":"/v1/embeddings","body":{}}""", "line 2: url '/v1/embeddings' is not the batch's endpoint")]
    [InlineData("""{"method":"POST","url":"/v1/chat/completions","body":{}}""", "line 2: custom_id is missing")]
    [InlineData("not json", "line 2:")]
    public async Task Batches_run_rejects_a_bad_input_line_with_2_before_anything_is_sent(string badLine, string message)
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var input = WriteInput(ChatLine("q0", "fine"), badLine);

        var (exit, output, errors) = await Cli.Against(fake, "batches", "run", input, "--output", PathOf("r.jsonl"));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(message, errors, StringComparison.Ordinal);
        Assert.Empty(fake.Journal);
    }

    [Fact]
    public async Task Batches_run_reports_every_bad_input_line_at_once_without_the_help()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var input = WriteInput(
            ChatLine("q0", "fine"),
            """{"custom_id":"q1","method":"GET","url":"/v1/chat/completions","body":{}}""",
            ChatLine("q2", "fine"),
            "not json",
            ChatLine("q0", "again"));

        var (exit, output, errors) = await Cli.Against(fake, "batches", "run", input, "--output", PathOf("r.jsonl"));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains($"{input} has 3 bad lines:", errors, StringComparison.Ordinal);
        Assert.Contains("  line 2: method must be POST", errors, StringComparison.Ordinal);
        Assert.Contains("  line 4: ", errors, StringComparison.Ordinal);
        Assert.Contains("  line 5: The custom_id 'q0' is already in this file", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", errors, StringComparison.Ordinal);
        Assert.Empty(fake.Journal);
    }

    [Fact]
    public async Task Batches_run_lists_at_most_fifty_bad_lines_and_counts_the_rest()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var input = WriteInput([.. Enumerable.Range(0, 60).Select(_ => "not json")]);

        var (exit, _, errors) = await Cli.Against(fake, "batches", "run", input, "--output", PathOf("r.jsonl"));

        Assert.Equal(2, exit);
        Assert.Contains("has 60 bad lines:", errors, StringComparison.Ordinal);
        Assert.Contains("  line 50: ", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("  line 51: ", errors, StringComparison.Ordinal);
        Assert.Contains("… and 10 more", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batches_run_applies_the_librarys_checks_duplicate_ids_and_mixed_models()
    {
        await using var fake = await FakeTokenFactory.StartAsync();

        var (duplicate, _, duplicateErrors) = await Cli.Against(fake, "batches", "run", WriteInput(ChatLine("q1", "a"), ChatLine("q1", "b")), "--output", PathOf("r.jsonl"));
        var (mixed, _, mixedErrors) = await Cli.Against(fake, "batches", "run", WriteInput(ChatLine("q1", "a"), ChatLine("q2", "b", "Qwen/Qwen3-235B-A22B")), "--output", PathOf("r.jsonl"));

        Assert.Equal(2, duplicate);
        Assert.Contains("line 2: The custom_id 'q1' is already in this file", duplicateErrors, StringComparison.Ordinal);
        Assert.Equal(2, mixed);
        Assert.Contains("the same model", mixedErrors, StringComparison.Ordinal);
        Assert.Empty(fake.Journal);
    }

    [Theory]
    [InlineData("--endpoint", "/v1/completions", "--endpoint must be /v1/chat/completions or /v1/embeddings")]
    [InlineData("--poll-interval", "0", "--poll-interval must be a positive number")]
    [InlineData("--timeout", "-5", "--timeout must be a positive number")]
    public async Task Batches_run_rejects_bad_options_with_2(string option, string value, string message)
    {
        await using var fake = await FakeTokenFactory.StartAsync();

        var (exit, _, errors) = await Cli.Against(fake, "batches", "run", WriteInput(ChatLine("q1", "a")), "--output", PathOf("r.jsonl"), option, value);

        Assert.Equal(2, exit);
        Assert.Contains(message, errors, StringComparison.Ordinal);
        Assert.Empty(fake.Journal);
    }

    [Fact]
    public async Task Batches_run_with_a_missing_input_file_exits_with_2()
    {
        var (exit, _, errors) = await Cli.Run("batches", "run", PathOf("absent.jsonl"), "--output", PathOf("r.jsonl"), "--fake");

        Assert.Equal(2, exit);
        Assert.Contains("<input>: no file at", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batches_run_exits_with_1_when_the_batch_fails_and_writes_no_results()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.BatchStates = ["validating", "failed"];
        var results = PathOf("results.jsonl");

        var (exit, output, errors) = await Cli.Against(fake, "batches", "run", WriteInput(ChatLine("q1", "a")), "--output", results, "--poll-interval", "0.01");

        Assert.Equal(1, exit);
        Assert.Matches(@"(?m)^batch batch_\S+: failed", output);
        Assert.Matches(@"nebius: batch batch_\S+ ended failed; no results written\.", errors);
        Assert.False(File.Exists(results));
    }

    [Fact]
    public async Task Batches_run_exits_with_1_when_the_api_refuses_the_upload()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.Inject(FakeFault.Status(403, "Batches are not enabled"));

        var (exit, _, errors) = await Cli.Against(fake, "batches", "run", WriteInput(ChatLine("q1", "a")), "--output", PathOf("r.jsonl"), "--json");

        Assert.Equal(1, exit);
        Assert.Contains("Batches are not enabled", errors, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.Journal, r => r.Path == "/v1/batches");
    }

    [Fact]
    public async Task Batches_run_exits_with_1_when_the_wait_times_out()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.BatchStates = ["validating", "in_progress", "in_progress", "in_progress", "in_progress", "in_progress", "in_progress", "in_progress", "completed"];

        var (exit, _, errors) = await Cli.Against(fake, "batches", "run", WriteInput(ChatLine("q1", "a")), "--output", PathOf("r.jsonl"), "--poll-interval", "0.2", "--timeout", "0.3");

        Assert.Equal(1, exit);
        Assert.StartsWith("nebius: ", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("r.jsonl")));
    }
}
