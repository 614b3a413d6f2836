namespace Nebius.ReferenceClient.Tests;

/// <summary>The canonical JSON form the two clients are compared in: equal means the same logical value, nothing looser.</summary>
public sealed class JsonShapeTests
{
    [Theory]
    [InlineData("""{"a":1,"b":"x"}""", """{"b":"x","a":1}""")]
    [InlineData("""{"a":1,"b":null}""", """{"a":1}""")]
    [InlineData("""{"a":1.0}""", """{"a":1}""")]
    [InlineData("""{"t":"2025-01-02T03:04:05Z"}""", """{"t":"2025-01-02T03:04:05+00:00"}""")]
    [InlineData("""{"object":"list","data":[]}""", """{"data":[]}""")]
    public void The_same_logical_value_is_equal(string first, string second) =>
        Assert.Null(JsonShape.Difference(first, second));

    [Theory]
    [InlineData("""{"a":1}""", """{"a":2}""")]
    [InlineData("""{"a":"1"}""", """{"a":1}""")]
    [InlineData("""{"a":1}""", """{"a":1,"b":0}""")]
    [InlineData("""{"service_tier":"auto"}""", """{"service_tier":"Auto"}""")]
    [InlineData("""[1,2]""", """[2,1]""")]
    [InlineData("""{"object":"model"}""", """{"object":"list"}""")]
    [InlineData("""{"object":"other"}""", """{}""")]
    public void A_different_value_is_not_equal(string first, string second) =>
        Assert.NotNull(JsonShape.Difference(first, second));

    [Fact]
    public void Every_difference_is_reported_with_its_path()
    {
        var differences = JsonShape.Differences("""{"a":1,"b":{"c":[1,2]},"d":"x"}""", """{"a":2,"b":{"c":[1,3]},"e":"y"}""");

        Assert.Equal(["$.a", "$.b.c[1]", "$.d", "$.e"], differences.Select(d => d.Path));
    }

    [Fact]
    public void A_member_holding_the_contracts_default_equals_its_absence_whatever_the_number_spelling() =>
        Assert.Empty(JsonShape.Differences("""{"learning_rate":1E-05}""", "{}"));
}
