using Nebius.TokenFactory.Fuzz.Client;

namespace Nebius.TokenFactory.Tests.Fuzz;

/// <summary>One loopback server and client for all fuzz properties (starting Kestrel per case would dominate the run).</summary>
public sealed class FuzzHarnessFixture : IAsyncLifetime
{
    internal FuzzHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync() => Harness = await FuzzHarness.StartAsync();

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}

/// <summary>
/// The fuzz properties run alone: they make hundreds of loopback calls each under a client deadline of a few seconds,
/// and the rest of the suite running beside them on two cores would only make their timing noisy.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzGroup : ICollectionFixture<FuzzHarnessFixture>
{
    public const string Name = "Fuzz";
}
