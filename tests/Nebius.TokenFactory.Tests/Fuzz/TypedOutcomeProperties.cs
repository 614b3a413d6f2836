using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nebius.TokenFactory.Fuzz;
using Nebius.TokenFactory.Fuzz.Client;
using Nebius.TokenFactory.Fuzz.Generators;

namespace Nebius.TokenFactory.Tests.Fuzz;

/// <summary>
/// Property 1: whatever the server answers, every call ends, before the client's deadline, in its result or in one of
/// the exceptions the README documents (<c>Outcome.IsTypedException</c>), never in a reader's or transport's
/// own exception.
/// </summary>
[Collection(FuzzGroup.Name)]
public sealed class TypedOutcomeProperties(FuzzHarnessFixture fixture)
{
    /// <summary>Room for a loaded machine between the client's deadline and what the property accepts.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    [Property(MaxTest = 250, Replay = FuzzSeeds.Replay)]
    public Property Every_JSON_call_ends_typed_before_its_deadline() =>
        Prop.ForAll(Arb.From(FuzzCases.Json), EndsTypedAsync);

    [Property(MaxTest = 200, Replay = FuzzSeeds.Replay)]
    public Property Every_stream_ends_typed_before_its_deadline() =>
        Prop.ForAll(Arb.From(FuzzCases.Stream), EndsTypedAsync);

    private async Task<bool> EndsTypedAsync(FuzzCase fuzzCase)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = await fixture.Harness.RunAsync(fuzzCase);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Assert.False(outcome.Hung, $"the call did not end within {FuzzHarness.Watchdog.TotalSeconds} s");
        Assert.True(outcome.IsTyped, $"the call ended untyped: {outcome}");
        Assert.True(elapsed < FuzzHarness.ClientTimeout + Grace, $"the call took {elapsed.TotalSeconds:0.0} s, past the client's deadline of {FuzzHarness.ClientTimeout.TotalSeconds} s");
        return true;
    }
}
