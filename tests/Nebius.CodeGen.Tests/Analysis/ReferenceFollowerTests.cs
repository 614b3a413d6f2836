using System.Text.Json.Nodes;
using Nebius.CodeGen.Analysis;
using Nebius.CodeGen.Spec;

namespace Nebius.CodeGen.Tests.Analysis;

/// <summary>Following <c>$ref</c> chains: to the end, with escaped segments, and never forever.</summary>
public sealed class ReferenceFollowerTests
{
    [Fact]
    public void A_chain_of_references_ends_at_the_object_and_reports_where_it_is()
    {
        var root = Root("""
            {"components": {
              "parameters": {"Limit": {"$ref": "#/components/parameters/PageSize"}, "PageSize": {"name": "limit", "in": "query"}}
            }}
            """);

        var target = new ReferenceFollower(root).Follow(Ref("#/components/parameters/Limit"), "#/paths/x/get/parameters/0", out var pointer);

        Assert.Equal("limit", target.Str("name"));
        Assert.Equal("#/components/parameters/PageSize", pointer);
    }

    [Fact]
    public void An_object_that_is_no_reference_is_its_own_target()
    {
        var node = new JsonObject { ["name"] = "limit" };

        var target = new ReferenceFollower(new JsonObject()).Follow(node, "#/here", out var pointer);

        Assert.Same(node, target);
        Assert.Equal("#/here", pointer);
    }

    [Fact]
    public void A_circular_chain_is_reported_not_followed_forever()
    {
        var root = Root("""
            {"components": {"responses": {"A": {"$ref": "#/components/responses/B"}, "B": {"$ref": "#/components/responses/A"}}}}
            """);

        var error = Assert.Throws<SpecException>(() => new ReferenceFollower(root).Follow(Ref("#/components/responses/A"), "#/start", out _));

        Assert.Contains("circular reference", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_self_reference_is_reported_too()
    {
        var root = Root("""{"components": {"responses": {"Self": {"$ref": "#/components/responses/Self"}}}}""");

        Assert.Throws<SpecException>(() => new ReferenceFollower(root).Follow(Ref("#/components/responses/Self"), "#/start", out _));
    }

    [Fact]
    public void A_reference_that_does_not_resolve_names_the_ref_it_came_from()
    {
        var error = Assert.Throws<SpecException>(() => new ReferenceFollower(new JsonObject()).Follow(Ref("#/components/responses/Missing"), "#/paths/x/get/responses/200", out _));

        Assert.Equal("#/paths/x/get/responses/200/$ref", error.Pointer);
        Assert.Contains("does not resolve", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_into_another_document_is_rejected()
    {
        var error = Assert.Throws<SpecException>(() => new ReferenceFollower(new JsonObject()).Follow(Ref("common.yaml#/components/responses/Error"), "#/start", out _));

        Assert.Equal("#/start", error.Pointer);
    }

    [Fact]
    public void Escaped_segments_are_unescaped_slash_before_tilde()
    {
        var root = Root("""{"paths": {"/v1/files": {"get": {"operationId": "list"}}, "a~1b": {"operationId": "tilde"}}}""");
        var follower = new ReferenceFollower(root);

        Assert.Equal("list", follower.Follow(Ref("#/paths/~1v1~1files/get"), "#", out _).Str("operationId"));
        Assert.Equal("tilde", follower.Follow(Ref("#/paths/a~01b"), "#", out _).Str("operationId"));
        Assert.Equal("~1", ReferenceFollower.Unescape("~01"));
    }

    private static JsonObject Root(string json) => (JsonObject)JsonNode.Parse(json)!;

    private static JsonObject Ref(string reference) => new() { ["$ref"] = reference };
}
