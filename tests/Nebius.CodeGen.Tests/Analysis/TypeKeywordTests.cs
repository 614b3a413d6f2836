using System.Text.Json.Nodes;
using Nebius.CodeGen.Analysis;

namespace Nebius.CodeGen.Tests.Analysis;

/// <summary>The <c>type</c> keyword as a string or a list, and the schemas that allow only null.</summary>
public sealed class TypeKeywordTests
{
    [Theory]
    [InlineData("""{"type": "string"}""", "string", false)]
    [InlineData("""{"type": ["string", "null"]}""", "string", true)]
    [InlineData("""{"type": ["null", "integer", "string"]}""", "integer,string", true)]
    [InlineData("""{"type": "null"}""", "", true)]
    [InlineData("""{"properties": {}}""", "", false)]
    public void Null_in_the_type_list_is_nullability_not_a_type(string schema, string types, bool nullable)
    {
        var read = TypeKeyword.Read(Schema(schema), out var isNullable);

        Assert.Equal(types, string.Join(',', read));
        Assert.Equal(nullable, isNullable);
    }

    [Theory]
    [InlineData("""{"type": "null"}""", true)]
    [InlineData("""{"type": ["null"]}""", true)]
    [InlineData("""{"const": null}""", true)]
    [InlineData("""{"enum": [null]}""", true)]
    [InlineData("""{"type": ["string", "null"]}""", false)]
    [InlineData("""{"enum": [null, "a"]}""", false)]
    [InlineData("""{"const": "null"}""", false)]
    [InlineData("""{}""", false)]
    public void Only_a_schema_whose_one_value_is_null_is_null_only(string schema, bool nullOnly) =>
        Assert.Equal(nullOnly, TypeKeyword.IsNullOnly(Schema(schema)));

    private static JsonObject Schema(string json) => (JsonObject)JsonNode.Parse(json)!;
}
