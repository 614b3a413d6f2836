namespace Nebius.Cli.Tests;

/// <summary><c>--help</c> reads well: every command, the global options with their environment variables, the exit codes.</summary>
public sealed class HelpTests
{
    [Fact]
    public async Task The_top_level_help_lists_every_command_the_global_options_and_the_exit_codes()
    {
        var (exit, output, errors) = await Cli.Run("--help");

        Assert.Equal(0, exit);
        Assert.Empty(errors);
        Assert.Contains("nebius [command] [options]", output, StringComparison.Ordinal);
        foreach (var command in new[] { "smoke", "models", "chat <prompt>", "embed <text>", "files", "fine-tune", "endpoints", "batches", "datasets", "operations" })
        {
            Assert.Matches($@"(?m)^\s+{command}\s{{2,}}\S", output);
        }

        foreach (var option in new[] { "--api-key <key>", "--base-url <url>", "--project <id>", "--json" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }

        Assert.Contains("NEBIUS_API_KEY", output, StringComparison.Ordinal);
        Assert.Contains("NEBIUS_BASE_URL", output, StringComparison.Ordinal);
        Assert.Contains("NEBIUS_AI_PROJECT_ID", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 success, 1 the API or the network failed, 2 usage error.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("files", "list|upload|download|delete", "nebius files [command] [options]")]
    [InlineData("batches", "run", "nebius batches [command] [options]")]
    [InlineData("fine-tune", "create|status|events", "nebius fine-tune [command] [options]")]
    [InlineData("endpoints", "list", "nebius endpoints [command] [options]")]
    [InlineData("datasets", "list|upload|delete", "nebius datasets [command] [options]")]
    [InlineData("operations", "list|status|cancel|errors", "nebius operations [command] [options]")]
    public async Task Each_group_lists_its_subcommands(string group, string subcommands, string usage)
    {
        var (exit, output, _) = await Cli.Run(group, "--help");

        Assert.Equal(0, exit);
        Assert.Contains(usage, output, StringComparison.Ordinal);
        foreach (var subcommand in subcommands.Split('|'))
        {
            Assert.Matches($@"(?m)^\s+{subcommand}\b", output);
        }
    }

    [Fact]
    public async Task A_commands_help_marks_what_is_required_and_keeps_the_global_options()
    {
        var (exit, output, _) = await Cli.Run("fine-tune", "create", "--help");

        Assert.Equal(0, exit);
        Assert.Matches(@"--model <id> \(REQUIRED\)", output);
        Assert.Matches(@"--training-file <file-id> \(REQUIRED\)", output);
        Assert.Contains("--epochs <n>", output, StringComparison.Ordinal);
        Assert.Contains("--api-key <key>", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_never_shows_the_key_from_the_environment()
    {
        var environment = new Dictionary<string, string> { ["NEBIUS_API_KEY"] = "secret-from-env" };

        var (_, output, errors) = await Cli.Run(environment, "models", "--help");

        Assert.DoesNotContain("secret-from-env", output + errors, StringComparison.Ordinal);
    }
}
