using Nebius.Testing.Snapshots;
using Nebius.TokenFactory.Testing;
using PublicApiGenerator;

namespace Nebius.TokenFactory.Tests.Snapshots;

/// <summary>
/// The compiled public API of the packages, as text. A spec change or a hand-written change that alters
/// what users can call shows up here as a diff to review.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly ApiGeneratorOptions Options = new()
    {
        // Assembly-level noise (target framework, InternalsVisibleTo) is not API.
        ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
    };

    [Fact]
    public void The_client_package_api_matches_its_snapshot() =>
        SnapshotAssert.Matches(typeof(NebiusClient).Assembly.GeneratePublicApi(Options), "PublicApi.Nebius.TokenFactory");

    [Fact]
    public void The_test_kit_api_matches_its_snapshot() =>
        SnapshotAssert.Matches(typeof(FakeTokenFactory).Assembly.GeneratePublicApi(Options), "PublicApi.Nebius.TokenFactory.Testing");

    [Fact]
    public void The_ai_adapter_package_api_matches_its_snapshot() =>
        SnapshotAssert.Matches(typeof(Nebius.TokenFactory.AI.NebiusChatClient).Assembly.GeneratePublicApi(Options), "PublicApi.Nebius.TokenFactory.AI");
}
