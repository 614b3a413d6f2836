using Nebius.TokenFactory.Testing;

namespace Nebius.Cli.Tests;

/// <summary>The command line as a whole: parsing, the environment, exit codes and errors.</summary>
public sealed class CliTests
{
    [Fact]
    public async Task Smoke_against_a_server_reports_three_steps_with_request_ids()
    {
        await using var fake = await FakeTokenFactory.StartAsync();

        var (exit, output, _) = await Cli.Run("smoke", "--api-key", "k", "--base-url", fake.BaseUrl.ToString(), "--project", "p1");

        Assert.Equal(0, exit);
        Assert.Matches(@"models\s+\d+ ms\s+request fake-", output);
        Assert.Matches(@"chat\s+\d+ ms\s+request fake-\w+\s+meta-llama/Meta-Llama-3.1-8B-Instruct", output);
        Assert.Matches(@"stream\s+\d+ ms\s+request fake-\w+\s+\d+ chunks", output);
        Assert.Contains("smoke: ok", output, StringComparison.Ordinal);
        Assert.All(fake.Journal, r => Assert.Contains("ai_project_id=p1", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_api_failure_exits_with_1_and_never_prints_the_key()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.Inject(FakeFault.Status(401, "Invalid API key"));

        var (exit, output, errors) = await Cli.Run("models", "--api-key", "secret-key-123", "--base-url", fake.BaseUrl.ToString());

        Assert.Equal(1, exit);
        Assert.Contains("401", errors, StringComparison.Ordinal);
        Assert.Contains("Invalid API key", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key-123", output + errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_request_exits_with_1_and_shows_the_apis_detail()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.Inject(FakeFault.Status(400, "Bad things"));

        var (exit, _, errors) = await Cli.Against(fake, "endpoints", "list");

        Assert.Equal(1, exit);
        Assert.Contains("400", errors, StringComparison.Ordinal);
        Assert.Contains("Bad things", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("launch")]
    [InlineData("chat", "--api-key", "k")]
    [InlineData("models", "--api-key")]
    [InlineData("models", "--api-key", "k", "--base-url", "http://example.com")]
    [InlineData("fine-tune")]
    [InlineData("fine-tune", "create", "--model", "m")]
    [InlineData("fine-tune", "create", "--model", "m", "--training-file", "f", "--epochs", "many")]
    [InlineData("files", "list", "--purpose", "holiday-photos")]
    [InlineData("files", "delete")]
    [InlineData("embed")]
    [InlineData()]
    public async Task Usage_errors_exit_with_2_and_show_the_usage_on_stderr(params string[] args)
    {
        var (exit, output, errors) = await Cli.Run(args);

        Assert.Equal(2, exit);
        Assert.StartsWith("nebius: ", errors, StringComparison.Ordinal);
        Assert.Contains("Usage:", errors, StringComparison.Ordinal);
        Assert.Contains("nebius", errors[errors.IndexOf("Usage:", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task A_usage_error_shows_the_help_of_the_command_it_concerns()
    {
        var (_, _, errors) = await Cli.Run("fine-tune", "create", "--model", "m");

        Assert.Contains("--training-file", errors, StringComparison.Ordinal);
        Assert.Contains("nebius fine-tune create [options]", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_a_command_stops_with_2_and_one_line_on_how_to_give_one()
    {
        var (exit, output, errors) = await Cli.Run("models");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("NEBIUS_API_KEY", line, StringComparison.Ordinal);
        Assert.Contains("--api-key-file", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--fake")]
    [InlineData("NEBIUS_FAKE=1")]
    [InlineData("NEBIUS_FAKE=true")]
    public async Task The_fake_runs_any_command_when_asked_for_and_says_so(string how)
    {
        var environment = new Dictionary<string, string>();
        string[] args = ["models"];
        if (how.StartsWith("NEBIUS_FAKE=", StringComparison.Ordinal))
        {
            environment["NEBIUS_FAKE"] = how.Split('=')[1];
        }
        else
        {
            args = [.. args, how];
        }

        var (exit, output, errors) = await Cli.Run(environment, args);

        Assert.Equal(0, exit);
        Assert.Contains("built-in fake", errors, StringComparison.Ordinal);
        Assert.Contains("meta-llama/Meta-Llama-3.1-8B-Instruct", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smoke_without_a_key_runs_offline_and_says_so_in_its_output()
    {
        var (exit, output, _) = await Cli.Run("smoke");

        Assert.Equal(0, exit);
        Assert.Contains("offline", output.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("smoke: ok (offline", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_key_can_come_from_a_file_and_is_never_printed()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var keyFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(keyFile, "file-key-123\n");

            var (exit, output, errors) = await Cli.Run("models", "--api-key-file", keyFile, "--base-url", fake.BaseUrl.ToString());

            Assert.Equal(0, exit);
            Assert.Equal("Bearer file-key-123", Assert.Single(fake.Journal).Headers["Authorization"]);
            Assert.DoesNotContain("file-key-123", output + errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public async Task A_missing_key_file_is_a_usage_error_naming_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-key-" + Guid.NewGuid().ToString("N"));

        var (exit, _, errors) = await Cli.Run("models", "--api-key-file", missing);

        Assert.Equal(2, exit);
        Assert.Contains(missing, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_package_version()
    {
        var (exit, output, _) = await Cli.Run("--version");

        Assert.Equal(0, exit);
        Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());
    }

    [Fact]
    public async Task The_key_can_come_from_the_environment()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var environment = new Dictionary<string, string> { ["NEBIUS_API_KEY"] = "env-key", ["NEBIUS_BASE_URL"] = fake.BaseUrl.ToString(), ["NEBIUS_AI_PROJECT_ID"] = "env-project" };

        var (exit, _, errors) = await Cli.Run(environment, "models");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("built-in fake", errors, StringComparison.Ordinal);
        var request = Assert.Single(fake.Journal);
        Assert.Equal("Bearer env-key", request.Headers["Authorization"]);
        Assert.Contains("ai_project_id=env-project", request.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_on_the_command_line_win_over_the_environment()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        var environment = new Dictionary<string, string> { ["NEBIUS_API_KEY"] = "env-key", ["NEBIUS_BASE_URL"] = "https://nowhere.invalid/", ["NEBIUS_AI_PROJECT_ID"] = "env-project" };

        var (exit, _, _) = await Cli.Run(environment, "models", "--api-key", "flag-key", "--base-url", fake.BaseUrl.ToString(), "--project", "flag-project");

        Assert.Equal(0, exit);
        var request = Assert.Single(fake.Journal);
        Assert.Equal("Bearer flag-key", request.Headers["Authorization"]);
        Assert.Contains("ai_project_id=flag-project", request.Query, StringComparison.Ordinal);
    }
}
