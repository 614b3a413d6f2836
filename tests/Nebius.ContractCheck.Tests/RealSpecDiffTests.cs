using Nebius.ContractCheck.Diff;
using Nebius.ContractCheck.Spec;
using Nebius.Testing.Snapshots;

namespace Nebius.ContractCheck.Tests;

/// <summary>
/// The acceptance checks on the real contract: removing a response property is caught by the generated-surface
/// snapshot (the member shows in its diff) and by the drift check (breaking, exit 1); adding an optional
/// property is reported as compatible. The contract tests run on the unedited spec, so they are unaffected.
/// </summary>
public sealed class RealSpecDiffTests
{
    [Fact]
    public void The_contract_compared_with_itself_has_no_changes() =>
        Assert.Empty(SpecDiff.Compare(OpenApiModel.Load(RealSpec.Text), OpenApiModel.Load(RealSpec.Text)).Changes);

    [Fact]
    public void Removing_a_response_property_is_breaking_for_every_operation_that_returns_it()
    {
        var result = SpecDiff.Compare(OpenApiModel.Load(RealSpec.Text), OpenApiModel.Load(RealSpec.WithoutModelOwnedBy()));

        var change = Assert.Single(result.Changes);
        Assert.Equal(("property-removed Model.owned_by", Severity.Breaking, Direction.Response), (change.Id, change.Severity, change.Direction));
        Assert.Equal(["GET /v1/models", "GET /v1/models/{model}"], change.UsedBy);
    }

    [Fact]
    public void Adding_an_optional_response_property_is_compatible()
    {
        var result = SpecDiff.Compare(OpenApiModel.Load(RealSpec.Text), OpenApiModel.Load(RealSpec.WithModelRegion()));

        var change = Assert.Single(result.Changes);
        Assert.Equal(("property-added Model.region", Severity.Compatible), (change.Id, change.Severity));
    }

    [Fact]
    public void The_generated_surface_snapshot_fails_with_the_removed_member_in_its_diff()
    {
        var snapshotPath = Path.Combine(Nebius.Testing.RepositoryPaths.Root, "tests", "Nebius.CodeGen.Tests", "Snapshots", "Surface.nebius-token-factory.verified.txt");
        var verified = File.ReadAllText(snapshotPath).ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
        var edited = Nebius.CodeGen.Generator.Generate(RealSpec.WithoutModelOwnedBy()).Surface.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";

        // The same comparison SnapshotAssert makes, without writing a .received file for a deliberate edit.
        Assert.NotEqual(verified, edited);
        var diff = UnifiedDiff.Create(verified, edited, "verified", "received");
        var removedLines = diff.Split('\n').Where(l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal)).ToList();
        Assert.Equal(["-Nebius.TokenFactory.Models.Model::|public|OwnedBy:string?"], removedLines);
    }
}
