using Nebius.ContractCheck.Diff;
using static Nebius.ContractCheck.Tests.MiniSpec;

namespace Nebius.ContractCheck.Tests;

/// <summary>Breaking changes are accepted by raising info.version or by listing their ids.</summary>
public sealed class AcknowledgementTests
{
    private static DiffResult TwoBreakingChanges(string headVersion = "1.0.0") => Compare(
        Create(BaseSchemas),
        Create(BaseSchemas.Replace("        count: {type: integer, format: int64}", "", StringComparison.Ordinal).Replace("id: {type: string}", "id: {type: integer}", StringComparison.Ordinal), headVersion));

    [Theory]
    [InlineData("1.0.0", "1.0.1", true)]
    [InlineData("1.0.0", "2.0.0", true)]
    [InlineData("2026.11.0", "2026.12.0", true)]
    [InlineData("2026.9.0", "2026.10.0", true)]
    [InlineData("2026.11.0", "2026.11", false)]
    [InlineData("2026.11.0", "2026.11.0", false)]
    [InlineData("2.0.0", "1.9.9", false)]
    [InlineData(null, "1.0.0", false)]
    public void A_version_bump_is_a_greater_version_compared_part_by_part(string? before, string after, bool bump) =>
        Assert.Equal(bump, Acknowledgements.IsVersionBump(before, after));

    [Fact]
    public void Without_acknowledgement_every_breaking_change_is_open()
    {
        var result = TwoBreakingChanges();

        Assert.Null(Acknowledgements.Apply(result, []));
        Assert.Equal(2, result.UnacknowledgedBreaking.Count());
    }

    [Fact]
    public void A_raised_version_acknowledges_all_changes()
    {
        var result = TwoBreakingChanges("1.1.0");

        var reason = Acknowledgements.Apply(result, []);

        Assert.Equal("info.version raised from 1.0.0 to 1.1.0", reason);
        Assert.Empty(result.UnacknowledgedBreaking);
    }

    [Fact]
    public void A_listed_id_acknowledges_only_that_change_and_comments_are_ignored()
    {
        var result = TwoBreakingChanges();

        Acknowledgements.Apply(result, ["# removed on purpose", "", "property-removed Thing.count   # the server never sent it"]);

        var open = Assert.Single(result.UnacknowledgedBreaking);
        Assert.Equal("type-changed Thing.id", open.Id);
    }
}
