using Nebius.Testing.Snapshots;

namespace Nebius.CodeGen.Tests.Snapshots;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void A_changed_line_shows_as_removal_then_addition_with_context()
    {
        var diff = UnifiedDiff.Create("a\nb\nc\nd\ne\n", "a\nb\nC\nd\ne\n", "old", "new");

        Assert.Equal("--- old\n+++ new\n@@ -1 +1 @@\n a\n b\n-c\n+C\n d\n e\n \n", diff.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Far_apart_changes_get_separate_hunks()
    {
        var before = string.Join('\n', Enumerable.Range(0, 30).Select(i => $"line {i}"));
        var after = before.Replace("line 2\n", "line two\n", StringComparison.Ordinal).Replace("line 27", "line twenty-seven", StringComparison.Ordinal);

        var diff = UnifiedDiff.Create(before, after, "old", "new");

        Assert.Equal(2, diff.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)));
        Assert.Contains("-line 27\n+line twenty-seven", diff.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
