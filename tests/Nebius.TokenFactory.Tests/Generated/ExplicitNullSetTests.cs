using Nebius.TokenFactory.Serialization;

namespace Nebius.TokenFactory.Tests.Generated;

/// <summary>The small set behind <c>ExplicitNulls</c> must behave as the ordinal HashSet it replaces.</summary>
public sealed class ExplicitNullSetTests
{
    [Fact]
    public void Adds_each_name_once_and_removes_it_ordinally()
    {
        var set = new ExplicitNullSet();

        Assert.True(set.Add("usage"));
        Assert.False(set.Add("usage"));
        Assert.True(set.Add("Usage"));
        Assert.True(set.Add("logprobs"));
        Assert.True(set.Add("finish_reason"));

        Assert.Equal(["usage", "Usage", "logprobs", "finish_reason"], set);
        Assert.True(set.Remove("Usage"));
        Assert.False(set.Remove("Usage"));
        Assert.Equal(["usage", "logprobs", "finish_reason"], set);
        Assert.Equal(3, set.Count);
        var copy = new string[4];
        set.CopyTo(copy, 1);
        Assert.Equal(["usage", "logprobs", "finish_reason"], copy[1..]);
    }

    [Fact]
    public void Set_algebra_matches_a_HashSet()
    {
        string[] start = ["a", "b", "c"];
        string[] other = ["b", "c", "d"];
        foreach (var operation in new Action<ISet<string>>[] { s => s.UnionWith(other), s => s.IntersectWith(other), s => s.ExceptWith(other), s => s.SymmetricExceptWith(other), s => s.Clear() })
        {
            var ours = new ExplicitNullSet();
            var theirs = new HashSet<string>(StringComparer.Ordinal);
            ours.UnionWith(start);
            theirs.UnionWith(start);
            operation(ours);
            operation(theirs);

            Assert.True(ours.SetEquals(theirs));
            Assert.Equal(theirs.Count, ours.Count);
            Assert.Equal(theirs.IsSubsetOf(other), ours.IsSubsetOf(other));
            Assert.Equal(theirs.IsSupersetOf(other), ours.IsSupersetOf(other));
            Assert.Equal(theirs.IsProperSubsetOf(start), ours.IsProperSubsetOf(start));
            Assert.Equal(theirs.IsProperSupersetOf(["b"]), ours.IsProperSupersetOf(["b"]));
            Assert.Equal(theirs.Overlaps(other), ours.Overlaps(other));
        }
    }
}
