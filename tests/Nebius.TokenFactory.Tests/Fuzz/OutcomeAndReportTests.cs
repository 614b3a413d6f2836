using System.Text.Json;
using Nebius.TokenFactory.Fuzz;
using Nebius.TokenFactory.Fuzz.Calls;
using Nebius.TokenFactory.Fuzz.Client;
using Nebius.TokenFactory.Fuzz.Runner;
using Nebius.TokenFactory.Fuzz.Server;

namespace Nebius.TokenFactory.Tests.Fuzz;

/// <summary>What counts as typed, and the runner's report.</summary>
public sealed class OutcomeAndReportTests
{
    public static TheoryData<Exception, bool> Exceptions => new()
    {
        { new NebiusResponseFormatProbe(), true },
        { new NebiusStreamEndedException("ended", 0, null), true },
        { new ArgumentNullException("x"), true },
        { new TaskCanceledException(), true },
        { new TimeoutException(), true },
        { new JsonException(), false },
        { new InvalidOperationException(), false },
        { new HttpRequestException(), false },
        { new FormatException(), false },
        { new IOException(), false },
        { new OverflowException(), false },
    };

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void Typed_means_the_documented_exceptions(Exception error, bool typed) => Assert.Equal(typed, Outcome.Of(error).IsTyped);

    [Fact]
    public void A_result_is_typed_and_a_hang_is_not()
    {
        Assert.True(Outcome.Of((object?)null).IsTyped);
        Assert.False(Outcome.Hang().IsTyped);
    }

    [Fact]
    public void All_typed_prints_one_line()
    {
        var output = new StringWriter();
        FuzzReport.Write([Result(0, Outcome.Of("ok")), Result(1, Outcome.Of(new TimeoutException()))], output);
        Assert.Equal("2 cases, 2 typed, 0 untyped" + Environment.NewLine, output.ToString());
    }

    [Fact]
    public void Untyped_outcomes_are_grouped_with_an_example_and_the_hangs_counted()
    {
        var output = new StringWriter();
        FuzzReport.Write(
        [
            Result(0, Outcome.Of("ok")),
            Result(1, Outcome.Of(new JsonException("bad at 12"))),
            Result(2, Outcome.Of(new JsonException("bad at 40"))),
            Result(3, Outcome.Hang()),
        ], output);
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("4 cases, 1 typed, 3 untyped", lines[0]);
        Assert.Contains("  System.Text.Json.JsonException ×2", lines);
        Assert.Contains("    ×2 \"bad at N\"", lines);
        Assert.Contains(lines, l => l.StartsWith("      e.g. case 1: json: AskAsync", StringComparison.Ordinal));
        Assert.Contains("  hang ×1", lines);
        Assert.Equal("hangs: 1", lines[^1]);
    }

    private static CaseResult Result(int index, Outcome outcome) =>
        new(index, new FuzzCase("json", CallCatalog.Json.Single(c => c.Name == "AskAsync"), "unchanged", new Answer(200, "application/json", [], [], false)), outcome);

    /// <summary>Any <see cref="NebiusApiException"/> subclass counts as typed.</summary>
    private sealed class NebiusResponseFormatProbe() : NebiusApiException(new NebiusErrorDetails(200, new Dictionary<string, IEnumerable<string>>()));
}
