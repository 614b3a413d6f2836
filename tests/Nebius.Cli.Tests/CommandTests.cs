using System.Text;
using System.Text.Json.Nodes;
using Nebius.TokenFactory;
using Nebius.TokenFactory.Models;
using Nebius.TokenFactory.Testing;

namespace Nebius.Cli.Tests;

/// <summary>Every command against the fake, as text for people and as <c>--json</c> for scripts.</summary>
public sealed class CommandTests
{
    private static JsonNode Json(string output) => JsonNode.Parse(output) ?? throw new Xunit.Sdk.XunitException("no JSON: " + output);

    private static string AddFile(FakeTokenFactory fake, string name, string purpose)
    {
        var id = "file-" + Guid.NewGuid();
        fake.Files[id] = new FakeFile(id, name, purpose, Encoding.UTF8.GetBytes("{}\n"), 1_700_000_000);
        return id;
    }

    [Fact]
    public async Task Smoke_with_json_prints_one_document_with_the_three_steps()
    {
        await using var fake = await FakeTokenFactory.StartAsync();

        var (exit, output, _) = await Cli.Against(fake, "smoke", "--json");

        Assert.Equal(0, exit);
        var report = Json(output);
        Assert.True(report["ok"]!.GetValue<bool>());
        Assert.Equal(["models", "chat", "stream"], report["steps"]!.AsArray().Select(s => s!["step"]!.GetValue<string>()));
        Assert.All(report["steps"]!.AsArray(), s => Assert.StartsWith("fake-", s!["request_id"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Models_prints_a_row_per_model_and_the_api_list_with_json()
    {
        await using var fake = await FakeTokenFactory.StartAsync();

        var (exit, text, _) = await Cli.Against(fake, "models", "--verbose");
        var (_, json, _) = await Cli.Against(fake, "models", "--json");

        Assert.Equal(0, exit);
        Assert.All(fake.Models, id => Assert.Matches($@"(?m)^\s*{System.Text.RegularExpressions.Regex.Escape(id)}\s+131072\b", text));
        Assert.Equal(fake.Models, Json(json).AsArray().Select(m => m!["id"]!.GetValue<string>()));
        Assert.Contains(fake.Journal, r => r.Query.Contains("verbose=true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Chat_streams_the_answer_to_the_output()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.ChatReply = "tokens are pieces of text";

        var (exit, output, _) = await Cli.Against(fake, "chat", "What", "is", "a", "token?", "--max-tokens", "20");

        Assert.Equal(0, exit);
        Assert.Equal("tokens are pieces of text", output.Trim());
        var body = fake.Journal.Last().Body;
        Assert.Contains("\"content\":\"What is a token?\"", body, StringComparison.Ordinal);
        Assert.Contains("\"max_tokens\":20", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_with_json_prints_the_accumulated_response()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.ChatReply = "forty two";

        var (exit, output, _) = await Cli.Against(fake, "chat", "meaning?", "--json", "--model", "Qwen/Qwen3-235B-A22B");

        Assert.Equal(0, exit);
        var response = Json(output);
        Assert.Equal("forty two", response["choices"]![0]!["message"]!["content"]!.GetValue<string>());
        Assert.Contains("\"model\":\"Qwen/Qwen3-235B-A22B\"", fake.Journal.Last().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embed_shows_a_row_per_text_and_every_vector_with_json()
    {
        await using var fake = await FakeTokenFactory.StartAsync();

        var (exit, text, _) = await Cli.Against(fake, "embed", "one", "two", "--dimensions", "6");
        var (_, json, _) = await Cli.Against(fake, "embed", "one", "two", "--dimensions", "6", "--json");

        Assert.Equal(0, exit);
        Assert.Matches(@"(?m)^\s*one\s+6\s+-?\d\.\d{4}, ", text);
        Assert.Matches(@"(?m)^\s*two\s+6\s+-?\d\.\d{4}, ", text);
        var data = Json(json)["data"]!.AsArray();
        Assert.Equal(["one", "two"], data.Select(d => d!["text"]!.GetValue<string>()));
        Assert.All(data, d => Assert.Equal(6, d!["embedding"]!.AsArray().Count));
        Assert.Equal("BAAI/bge-en-icl", Json(json)["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Files_list_shows_the_files_and_filters_by_purpose()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var training = AddFile(fake, "train.jsonl", "fine-tune");

        var (exit, text, _) = await Cli.Against(fake, "files", "list");
        var (_, json, _) = await Cli.Against(fake, "files", "list", "--purpose", "fine-tune", "--json");

        Assert.Equal(0, exit);
        Assert.Matches($@"(?m)^\s*{training}\s+train\.jsonl\s+fine-tune\s+3\s+2023-11-14 22:13:20", text);
        Assert.Equal([training], Json(json)["data"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()));
        Assert.Contains("purpose=fine-tune", fake.Journal.Last().Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_list_shows_every_file_not_the_default_page_and_takes_a_limit()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var ids = Enumerable.Range(0, 25).Select(i => AddFile(fake, $"part-{i}.jsonl", "batch")).ToHashSet();

        var (exit, json, _) = await Cli.Against(fake, "files", "list", "--json");
        var (_, limited, _) = await Cli.Against(fake, "files", "list", "--json", "--limit", "5");
        var (badExit, _, badErrors) = await Cli.Against(fake, "files", "list", "--limit", "0");

        Assert.Equal(0, exit);
        Assert.Subset(Json(json)["data"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()).ToHashSet(), ids);
        Assert.Equal(5, Json(limited)["data"]!.AsArray().Count);
        Assert.Equal(2, badExit);
        Assert.Contains("--limit", badErrors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_keeps_quotes_and_non_ascii_text_as_they_are()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.ChatReply = "He said \"bonjour\" <to> Zoë & co";

        var (exit, output, _) = await Cli.Against(fake, "chat", "Hi", "--json");

        Assert.Equal(0, exit);
        Assert.Contains("He said \\\"bonjour\\\" <to> Zoë & co", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0022", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_delete_removes_the_file_and_an_unknown_one_exits_with_1()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var id = AddFile(fake, "old.jsonl", "batch");

        var (exit, output, _) = await Cli.Against(fake, "files", "delete", id);
        var (again, _, errors) = await Cli.Against(fake, "files", "delete", id, "--json");

        Assert.Equal(0, exit);
        Assert.Equal($"deleted {id}", output.Trim());
        Assert.False(fake.Files.ContainsKey(id));
        Assert.Equal(1, again);
        Assert.Contains("404", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fine_tune_create_sends_the_job_and_status_and_events_follow_it()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var training = AddFile(fake, "train.jsonl", "fine-tune");

        var (exit, created, _) = await Cli.Against(fake, "fine-tune", "create", "--model", "Qwen/Qwen3-4B", "--training-file", training, "--suffix", "demo", "--epochs", "2", "--lora", "--json");

        Assert.Equal(0, exit);
        var job = Json(created);
        var id = job["id"]!.GetValue<string>();
        Assert.Equal("validating_files", job["status"]!.GetValue<string>());
        var body = JsonNode.Parse(fake.Journal.Last().Body)!;
        Assert.Equal(training, body["training_file"]!.GetValue<string>());
        Assert.Equal(2, body["hyperparameters"]!["n_epochs"]!.GetValue<int>());
        Assert.True(body["hyperparameters"]!["lora"]!.GetValue<bool>());

        string status = string.Empty;
        for (var i = 0; i < 3; i++)
        {
            (_, status, _) = await Cli.Against(fake, "fine-tune", "status", id);
        }

        Assert.Matches(@"(?m)^\s*status\s+succeeded\s*$", status);
        Assert.Matches(@"(?m)^\s*steps\s+20/20\s*$", status);
        Assert.Matches($@"(?m)^\s*fine-tuned model\s+ft:Qwen/Qwen3-4B:demo:{id}\s*$", status);

        var (_, events, _) = await Cli.Against(fake, "fine-tune", "events", id);
        var submitted = events.IndexOf("Job is submitted", StringComparison.Ordinal);
        var completed = events.IndexOf("Training completed successfully", StringComparison.Ordinal);
        Assert.True(submitted >= 0 && completed > submitted, "events are listed oldest first:\n" + events);

        var (_, limited, _) = await Cli.Against(fake, "fine-tune", "events", id, "--limit", "1", "--json");
        Assert.Equal("Training completed successfully", Assert.Single(Json(limited)["data"]!.AsArray())!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fine_tune_create_works_offline_with_the_built_in_fakes_sample_file()
    {
        var (exit, output, errors) = await Cli.Run("fine-tune", "create", "--model", "Qwen/Qwen3-4B", "--training-file", ClientSession.SampleTrainingFileId, "--fake");

        Assert.Equal(0, exit);
        Assert.Contains("built-in fake", errors, StringComparison.Ordinal);
        Assert.Matches(@"^created ftjob-[0-9a-f]{32} \(validating_files\)", output);
    }

    [Fact]
    public async Task Fine_tune_status_of_an_unknown_job_exits_with_1()
    {
        await using var fake = await FakeTokenFactory.StartAsync();

        var (exit, output, errors) = await Cli.Against(fake, "fine-tune", "status", "ftjob-nope");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("404", errors, StringComparison.Ordinal);
        Assert.Contains("ftjob-nope", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Endpoints_list_shows_each_endpoint_with_its_deployment()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var (_, empty, _) = await Cli.Against(fake, "endpoints", "list");
        using (var client = new NebiusClient(new NebiusClientOptions { ApiKey = "k", BaseUrl = fake.BaseUrl }))
        {
            await client.V0.DedicatedEndpoints.PostAsync(new CreateDedicatedEndpointRequest
            {
                Name = "chatbot",
                ModelName = "openai/gpt-oss-20b",
                FlavorName = "fast",
                GpuType = "gpu-h100-sxm",
                GpuCount = 2,
                Region = "eu-north1",
                Scaling = new EndpointScaling { MinReplicas = 1, MaxReplicas = 4 },
            });
        }

        var (exit, text, _) = await Cli.Against(fake, "endpoints", "list");
        var (_, json, _) = await Cli.Against(fake, "endpoints", "list", "--json");

        Assert.Equal("no dedicated endpoints", empty.Trim());
        Assert.Equal(0, exit);
        Assert.Matches(@"chatbot\s+openai/gpt-oss-20b \(fast\)\s+eu-north1\s+2x gpu-h100-sxm\s+1 of 1-4\s+yes\s+openai/gpt-oss-20b-", text);
        var endpoint = Assert.Single(Json(json)["data"]!.AsArray())!;
        Assert.Equal("chatbot", endpoint["name"]!.GetValue<string>());
        Assert.Equal(1, endpoint["deployment"]!["ready_replicas"]!.GetValue<int>());
    }
}
