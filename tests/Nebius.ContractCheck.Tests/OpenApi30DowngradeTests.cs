using System.Text.Json.Nodes;
using Nebius.ContractCheck.Spec;

namespace Nebius.ContractCheck.Tests;

/// <summary>The 3.1 → 3.0 rewrite the NSwag reference client is generated from.</summary>
public sealed class OpenApi30DowngradeTests
{
    private static JsonObject Convert(string schemasJson)
    {
        var document = JsonNode.Parse($$$"""{"openapi":"3.1.0","info":{"title":"t","version":"1","license":{"name":"x","identifier":"MIT"}},"paths":{},"components":{"schemas":{{{schemasJson}}}}}""")!.AsObject();
        return OpenApi30Downgrade.Convert(document);
    }

    private static string Schema(JsonObject document, string name) => document["components"]!["schemas"]![name]!.ToJsonString();

    [Fact]
    public void The_document_becomes_3_0_without_3_1_only_keys()
    {
        var converted = Convert("{}");

        Assert.Equal("3.0.3", (string?)converted["openapi"]);
        Assert.Null(converted["info"]!["license"]!["identifier"]);
    }

    [Fact]
    public void A_type_list_with_null_becomes_a_nullable_type() =>
        Assert.Equal("""{"type":"string","nullable":true}""",
            Schema(Convert("""{"A":{"type":["string","null"]}}"""), "A"));

    [Fact]
    public void A_reference_or_null_becomes_the_bare_reference() =>
        Assert.Equal("""{"$ref":"#/components/schemas/B"}""",
            Schema(Convert("""{"A":{"anyOf":[{"$ref":"#/components/schemas/B"},{"type":"null"}],"description":"d"},"B":{"type":"object"}}"""), "A"));

    [Fact]
    public void An_inline_branch_or_null_is_merged_into_its_parent() =>
        Assert.Equal("""{"description":"d","nullable":true,"type":"integer","format":"int64"}""",
            Schema(Convert("""{"A":{"anyOf":[{"type":"integer","format":"int64"},{"type":"null"}],"description":"d"}}"""), "A"));

    [Fact]
    public void A_real_union_is_left_untyped_and_references_to_it_are_inlined()
    {
        var converted = Convert("""{"U":{"anyOf":[{"type":"string"},{"type":"array","items":{"type":"string"}}],"description":"text or parts"},"M":{"type":"object","properties":{"content":{"$ref":"#/components/schemas/U"}}}}""");

        Assert.Equal("""{"description":"text or parts"}""", Schema(converted, "U"));
        Assert.Equal("""{"type":"object","properties":{"content":{"description":"text or parts"}}}""", Schema(converted, "M"));
    }

    [Fact]
    public void Const_becomes_a_one_value_enum_and_numeric_exclusive_bounds_the_boolean_form() =>
        Assert.Equal("""{"type":"number","enum":["x"],"minimum":0,"exclusiveMinimum":true}""",
            Schema(Convert("""{"A":{"type":"number","const":"x","exclusiveMinimum":0}}"""), "A"));

    [Fact]
    public void A_component_named_like_an_NSwag_helper_is_renamed_with_its_references()
    {
        var converted = Convert("""{"FileResponse":{"type":"object"},"L":{"type":"array","items":{"$ref":"#/components/schemas/FileResponse"}}}""");

        Assert.Null(converted["components"]!["schemas"]!["FileResponse"]);
        Assert.Equal("""{"type":"object"}""", Schema(converted, "FileResponseSchema"));
        Assert.Equal("""{"type":"array","items":{"$ref":"#/components/schemas/FileResponseSchema"}}""", Schema(converted, "L"));
    }
}
