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
}
