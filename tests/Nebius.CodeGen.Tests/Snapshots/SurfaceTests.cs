using Nebius.Testing.Snapshots;

namespace Nebius.CodeGen.Tests.Snapshots;

/// <summary>
/// The generator's surface listing for the real contract (one line per type and member, in the style
/// of Kiota's dom export). Any spec or generator change that alters the generated API shows up here.
/// </summary>
public sealed class SurfaceTests
{
    [Fact]
    public void The_generated_surface_of_the_contract_matches_its_snapshot() =>
        SnapshotAssert.Matches(Generator.Generate(Specs.Real).Surface, "Surface.nebius-token-factory");
}
