using System.Text.Json.Nodes;

namespace Nebius.CodeGen.Tests.Compilation;

/// <summary>JSON comparisons that ignore whitespace and property order, and show both sides when they differ.</summary>
internal static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(expectedNode, actualNode), $"JSON differs.{Environment.NewLine}expected: {expectedNode?.ToJsonString()}{Environment.NewLine}actual:   {actualNode?.ToJsonString()}");
    }
}
