using System.Diagnostics;
using System.Text;
using Nebius.TokenFactory.Testing;

namespace Nebius.Cli.Tests;

/// <summary>
/// Ctrl+C on the real process: the <c>nebius</c> command runs as a child process against the fake, whose stream
/// stalls mid-answer, and gets a real SIGINT. It must exit 130 with the partial answer on stdout and no stack trace.
/// </summary>
public sealed class InterruptTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [PosixFact]
    public async Task Sigint_mid_answer_exits_130_with_the_partial_answer_printed_and_no_stack_trace()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.ChatReply = "Once upon a time there was a stream that never ended";
        fake.Inject(FakeFault.StallMidStream(frames: 3).On("/v1/chat/completions"));

        var (exit, output, errors) = await RunUntilSigintAsync(fake, "Once upon a", "chat", "Tell me a story");

        Assert.Equal(130, exit);
        Assert.Equal("Once upon a" + Environment.NewLine, output);
        Assert.Contains("nebius: cancelled", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
    }

    [PosixFact]
    public async Task Sigint_mid_answer_with_json_prints_the_response_received_so_far()
    {
        await using var fake = await FakeTokenFactory.StartAsync();
        fake.ChatReply = "Once upon a time there was a stream that never ended";
        fake.Inject(FakeFault.StallMidStream(frames: 3).On("/v1/chat/completions"));

        // With --json nothing is printed until the end, so the signal goes once the stall has been reached.
        var (exit, output, errors) = await RunUntilSigintAsync(fake, waitFor: null, "chat", "Tell me a story", "--json");

        Assert.Equal(130, exit);
        Assert.Contains("\"content\": \"Once upon a\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", errors, StringComparison.Ordinal);
    }

    /// <summary>
    /// Starts <c>nebius</c> against <paramref name="fake"/>, waits until <paramref name="waitFor"/> is on its stdout (or,
    /// when null, until the fake has had the streaming request and a moment to send the frames before the stall),
    /// sends SIGINT, and returns how it ended.
    /// </summary>
    private static async Task<(int Exit, string Output, string Errors)> RunUntilSigintAsync(FakeTokenFactory fake, string? waitFor, params string[] args)
    {
        // env resets SIGINT to its default first: a test runner started in the background may hand its children an
        // ignored SIGINT, which the runtime would keep, and then no signal would ever arrive. env execs dotnet, so the
        // process id is the command's own.
        var start = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in new[] { "--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "nebius.dll") }
            .Concat(args)
            .Concat(["--api-key", "test-key", "--base-url", fake.BaseUrl.ToString()]))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "NEBIUS_API_KEY", "NEBIUS_FAKE", "NEBIUS_BASE_URL", "NEBIUS_AI_PROJECT_ID" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(Patience);
        var output = new StringBuilder();
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = PumpAsync(process.StandardOutput, output, waitFor, seen, deadline.Token);
        var errors = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            if (waitFor is null)
            {
                while (!fake.Journal.Any(r => r.Path == "/v1/chat/completions"))
                {
                    await Task.Delay(50, deadline.Token);
                }

                await Task.Delay(TimeSpan.FromSeconds(1), deadline.Token);
            }
            else
            {
                await seen.Task.WaitAsync(deadline.Token);
            }

            using (var kill = Process.Start("kill", ["-s", "INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
            {
                await kill.WaitForExitAsync(deadline.Token);
            }

            await process.WaitForExitAsync(deadline.Token);
            await reading;
            return (process.ExitCode, output.ToString(), await errors);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            lock (output)
            {
                throw new Xunit.Sdk.XunitException($"nebius did not get that far within {Patience}; stdout so far: {output}");
            }
        }
    }

    /// <summary>Copies stdout as it arrives, and says when <paramref name="waitFor"/> has appeared in it.</summary>
    private static async Task PumpAsync(StreamReader reader, StringBuilder into, string? waitFor, TaskCompletionSource seen, CancellationToken cancellationToken)
    {
        var buffer = new char[256];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            lock (into)
            {
                into.Append(buffer, 0, read);
                if (waitFor is not null && into.ToString().Contains(waitFor, StringComparison.Ordinal))
                {
                    seen.TrySetResult();
                }
            }
        }
    }
}

/// <summary>A fact that needs POSIX signals (<c>kill -s INT</c>); Windows has none, so it is skipped there.</summary>
internal sealed class PosixFactAttribute : FactAttribute
{
    public PosixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "needs POSIX signals";
        }
    }
}
