namespace Nebius.TokenFactory.Tests.Fuzz;

/// <summary>
/// The fixed FsCheck seed of every fuzz property ("seed,gamma"; the gamma is FsCheck's golden one, odd as it must be),
/// so CI runs the same cases each time; change it locally to explore, and paste a failure's seed to replay it.
/// </summary>
internal static class FuzzSeeds
{
    public const string Replay = "20261203,11400714819323198485";
}
