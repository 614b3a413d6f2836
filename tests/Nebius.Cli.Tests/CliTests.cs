using Nebius.TokenFactory.Testing;

namespace Nebius.Cli.Tests;

public sealed class CliTests
{
    private static async Task<(int Exit, string Output, string Errors)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, errors, _ => null, CancellationToken.None);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task Smoke_against_a_server_reports_three_steps_with_request_ids()
    {
        await using var fake = await FakeTokenFactory.StartAsync();

        var (exit, output, _) = await Run("smoke", "--api-key", "k", "--base-url", fake.BaseUrl.ToString(), "--project", "p1");

        Assert.Equal(0, exit);
        Assert.Matches(@"models\s+\d+ ms\s+request fake-", output);
        Assert.Matches(@"chat\s+\d+ ms\s+request fake-\w+\s+meta-llama/Meta-Llama-3.1-8B-Instruct", output);
        Assert.Matches(@"stream\s+\d+ ms\s+request fake-\w+\s+\d+ chunks", output);
        Assert.Contains("smoke: ok", output, StringComparison.Ordinal);
        Assert.All(fake.Journal, r => Assert.Contains("ai_project_id=p1", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Chat_streams_the_answer_to_the_output()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.ChatReply = "tokens are pieces of text";

        var (exit, output, _) = await Run("chat", "What", "is", "a", "token?", "--api-key", "k", "--base-url", fake.BaseUrl.ToString());

        Assert.Equal(0, exit);
        Assert.Equal("tokens are pieces of text", output.Trim());
        Assert.Contains("\"content\":\"What is a token?\"", fake.Journal.Last().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_failure_exits_with_1_and_never_prints_the_key()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.Inject(FakeFault.Status(401, "Invalid API key"));

        var (exit, output, errors) = await Run("models", "--api-key", "secret-key-123", "--base-url", fake.BaseUrl.ToString());

        Assert.Equal(1, exit);
        Assert.Contains("401", errors, StringComparison.Ordinal);
        Assert.Contains("Invalid API key", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key-123", output + errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("launch")]
    [InlineData("chat", "--api-key", "k")]
    [InlineData("models", "--api-key")]
    [InlineData("models", "--api-key", "k", "--base-url", "http://example.com")]
    public async Task Usage_errors_exit_with_2_and_show_the_usage(params string[] args)
    {
        var (exit, _, errors) = await Run(args);

        Assert.Equal(2, exit);
        Assert.Contains("nebius <command>", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_it_runs_against_the_built_in_fake_and_says_so()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await CliApp.RunAsync(["models"], output, errors, _ => null, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("built-in fake", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("meta-llama/Meta-Llama-3.1-8B-Instruct", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_can_come_from_the_environment()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var environment = new Dictionary<string, string> { ["NEBIUS_API_KEY"] = "env-key", ["NEBIUS_BASE_URL"] = fake.BaseUrl.ToString(), ["NEBIUS_AI_PROJECT_ID"] = "env-project" };
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var exit = await CliApp.RunAsync(["models"], output, errors, name => environment.GetValueOrDefault(name), CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("built-in fake", errors.ToString(), StringComparison.Ordinal);
        var request = Assert.Single(fake.Journal);
        Assert.Equal("Bearer env-key", request.Headers["Authorization"]);
        Assert.Contains("ai_project_id=env-project", request.Query, StringComparison.Ordinal);
    }
}
