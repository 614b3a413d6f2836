using Nebius.CodeGen.Spec;

namespace Nebius.CodeGen.Tests.Extensions;

/// <summary>A malformed x-nebius-pagination or x-nebius-long-running stops the generator with its pointer and what is wrong.</summary>
public sealed class MalformedExtensionTests
{
    public static TheoryData<string, string, string> BadPagination => new()
    {
        { "style: cursor", "style: pages", "unknown style 'pages'" },
        { "page-size: {parameter: limit, default: 2, maximum: 5}", "page-size: {parameter: size, default: 2}", "no query parameter 'size'" },
        { "page-size: {parameter: limit, default: 2, maximum: 5}", "page-size: {parameter: colour, default: 2}", "'colour' must be an integer" },
        { "page-size: {parameter: limit, default: 2, maximum: 5}", "page-size: {parameter: limit, default: 9, maximum: 5}", "above the maximum" },
        { "has-more: has_more", "has-more: done", "ThingPage has no property 'done'" },
        { "has-more: has_more", "has-more: last_id", "ThingPage.last_id must be a boolean" },
        { "items: data", "items: last_id", "ThingPage.last_id must be a list of objects" },
        { "arguments: [limit, colour]", "arguments: [colour]", "must include the page-size parameter 'limit'" },
        { "arguments: [limit, colour]", "arguments: [limit, after]", "the cursor 'after' is set by the walk" },
        { "cursor: after", "cursor: after\n        cursor-time: now", "unknown field 'cursor-time'" },
        { "last-id: last_id", "last-id: last_id\n        created-at: id", "'created-at' means nothing to the Cursor style" },
    };

    public static TheoryData<string, string, string> BadLongRunning => new()
    {
        { "status-property: state", "status-property: colour", "Thing has no property 'colour'" },
        { "failed: [broken]", "failed: [lost]", "'lost' is not one of the terminal states" },
        { "terminal: [ready, broken]", "terminal: []", "'terminal' must be a non-empty list of strings" },
        { "name: Thing", "name: thing states", "'thing states' is not a PascalCase name" },
    };

    [Theory]
    [MemberData(nameof(BadPagination))]
    public void A_malformed_pagination_extension_fails_at_its_pointer(string good, string bad, string message)
    {
        var spec = ExtensionSpecs.Api(pagination: Replace(ExtensionSpecs.Pagination, good, bad));

        var error = Assert.Throws<SpecException>(() => Generator.Generate(spec));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("#/paths/~1things/get/x-nebius-pagination", error.Pointer, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadLongRunning))]
    public void A_malformed_long_running_extension_fails_at_its_pointer(string good, string bad, string message)
    {
        var spec = ExtensionSpecs.Api(longRunning: Replace(ExtensionSpecs.LongRunning, good, bad));

        var error = Assert.Throws<SpecException>(() => Generator.Generate(spec));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("#/paths/~1things~1{thing_id}/get/x-nebius-long-running", error.Pointer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_property_that_is_not_a_string_is_refused()
    {
        var spec = ExtensionSpecs.Api().Replace("state: {type: string}", "state: {type: integer}", StringComparison.Ordinal);

        var error = Assert.Throws<SpecException>(() => Generator.Generate(spec));

        Assert.Contains("Thing.state must be a string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extension_that_is_not_a_mapping_is_refused()
    {
        var spec = ExtensionSpecs.Api(pagination: "      x-nebius-pagination: cursor");

        var error = Assert.Throws<SpecException>(() => Generator.Generate(spec));

        Assert.Equal("#/paths/~1things/get/x-nebius-pagination", error.Pointer);
        Assert.Contains("must be a mapping", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_operations_that_describe_one_resource_differently_are_refused()
    {
        var second = ExtensionSpecs.LongRunning.Replace("[ready, broken]", "[ready]", StringComparison.Ordinal).Replace("failed: [broken]", "failed: [ready]", StringComparison.Ordinal);
        var again = string.Join('\n',
        [
            "  /things/{thing_id}/again:",
            "    get:",
            "      operationId: get_thing_again",
            second,
            "      parameters:",
            "        - {name: thing_id, in: path, required: true, schema: {type: string}}",
            "      responses:",
            "        '200':",
            "          description: ok",
            "          content:",
            "            application/json:",
            "              schema: {$ref: '#/components/schemas/Thing'}",
        ]);
        var spec = ExtensionSpecs.Api().Replace("\n  /rows:\n", "\n" + again + "\n  /rows:\n", StringComparison.Ordinal);
        Assert.Contains("get_thing_again", spec, StringComparison.Ordinal);

        var error = Assert.Throws<SpecException>(() => Generator.Generate(spec));

        Assert.Contains("'Thing' is described differently", error.Message, StringComparison.Ordinal);
    }

    private static string Replace(string extension, string good, string bad)
    {
        Assert.Contains(good, extension, StringComparison.Ordinal); // a case that changes nothing would pass for the wrong reason
        return extension.Replace(good, bad, StringComparison.Ordinal);
    }
}
