using Nebius.ContractCheck.Diff;
using static Nebius.ContractCheck.Tests.MiniSpec;

namespace Nebius.ContractCheck.Tests;

/// <summary>The diff engine on small specs: what breaks a client and what does not, by the direction data flows.</summary>
public sealed class SchemaDiffTests
{
    private static readonly string Base = Create(BaseSchemas);

    private static string Edit(string from, string to)
    {
        Assert.Contains(from, BaseSchemas, StringComparison.Ordinal);
        return Create(BaseSchemas.Replace(from, to, StringComparison.Ordinal));
    }

    [Fact]
    public void Identical_specs_have_no_changes() =>
        Assert.Empty(Compare(Base, Create(BaseSchemas)).Changes);

    [Fact]
    public void A_removed_response_property_is_breaking_and_names_every_operation_that_returns_it()
    {
        var change = Single(Compare(Base, Edit("        count: {type: integer, format: int64}", "")));

        Assert.Equal("property-removed Thing.count", change.Id);
        Assert.Equal(Severity.Breaking, change.Severity);
        Assert.Equal(Direction.Response, change.Direction);
        Assert.Equal(["GET /v1/things", "GET /v1/things/{thing_id}", "POST /v1/things"], change.UsedBy);
    }

    [Fact]
    public void A_new_optional_response_property_is_compatible()
    {
        var change = Single(Compare(Base, Edit("        count:", "        region: {type: string}\n        count:")));

        Assert.Equal("property-added Thing.region", change.Id);
        Assert.Equal(Severity.Compatible, change.Severity);
    }

    [Fact]
    public void A_new_required_request_field_is_breaking_but_a_new_optional_one_is_not()
    {
        var required = Single(Compare(Base, Edit("required: [name]\n", "required: [name, owner]\n").Replace("        note: {type: string}", "        note: {type: string}\n        owner: {type: string}", StringComparison.Ordinal)));
        var optional = Single(Compare(Base, Edit("        note: {type: string}", "        note: {type: string}\n        owner: {type: string}")));

        Assert.Equal(("property-added ThingRequest.owner", Severity.Breaking), (required.Id, required.Severity));
        Assert.Equal(("property-added ThingRequest.owner", Severity.Compatible), (optional.Id, optional.Severity));
    }

    [Fact]
    public void A_request_field_that_becomes_required_is_breaking()
    {
        var change = Single(Compare(Base, Edit("required: [name]\n", "required: [name, note]\n")));

        Assert.Equal(("property-became-required ThingRequest.note", Severity.Breaking), (change.Id, change.Severity));
    }

    [Fact]
    public void A_response_field_that_becomes_optional_is_breaking_but_a_request_field_that_does_is_not()
    {
        var response = Single(Compare(Base, Edit("required: [id, status]", "required: [id]")));
        var request = Single(Compare(Base, Edit("required: [name]\n", "required: []\n")));

        Assert.Equal(("property-became-optional Thing.status", Severity.Breaking), (response.Id, response.Severity));
        Assert.Equal(("property-became-optional ThingRequest.name", Severity.Compatible), (request.Id, request.Severity));
    }

    [Fact]
    public void A_narrowed_enum_is_breaking_and_a_widened_one_compatible()
    {
        var narrowed = Single(Compare(Base, Edit("enum: [small, large]", "enum: [small]")));
        var widened = Single(Compare(Base, Edit("enum: [ready, failed]", "enum: [ready, failed, queued]")));

        Assert.Equal(("enum-value-removed ThingRequest.size=\"large\"", Severity.Breaking), (narrowed.Id, narrowed.Severity));
        Assert.Equal(("enum-value-added Thing.status=\"queued\"", Severity.Compatible), (widened.Id, widened.Severity));
    }

    [Fact]
    public void A_type_change_is_breaking()
    {
        var change = Single(Compare(Base, Edit("id: {type: string}", "id: {type: integer}")));

        Assert.Equal(("type-changed Thing.id", Severity.Breaking), (change.Id, change.Severity));
        Assert.Contains("string to integer", change.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_format_change_is_breaking()
    {
        var change = Single(Compare(Base, Edit("format: int64", "format: int32")));

        Assert.Equal(("format-changed Thing.count", Severity.Breaking), (change.Id, change.Severity));
    }

    [Fact]
    public void A_response_field_that_loses_its_null_branch_is_compatible_and_one_that_gains_it_is_breaking()
    {
        var lost = Single(Compare(Base, Edit("label: {anyOf: [{type: string}, {type: 'null'}]}", "label: {anyOf: [{type: string}]}")));
        var gained = Single(Compare(Base, Edit("id: {type: string}", "id: {type: [string, 'null']}")));

        Assert.Equal(("nullable-removed Thing.label", Severity.Compatible), (lost.Id, lost.Severity));
        Assert.Equal(("nullable-added Thing.id", Severity.Breaking), (gained.Id, gained.Severity));
    }

    [Fact]
    public void A_removed_union_variant_is_breaking_and_an_added_one_compatible()
    {
        var removed = Single(Compare(Base, Edit("label: {anyOf: [{type: string}, {type: 'null'}]}", "label: {anyOf: [{type: 'null'}]}")));
        var added = Single(Compare(Base, Edit("label: {anyOf: [{type: string}, {type: 'null'}]}", "label: {anyOf: [{type: string}, {type: integer}, {type: 'null'}]}")));

        Assert.Equal(("variant-removed Thing.label<anyOf:string>", Severity.Breaking), (removed.Id, removed.Severity));
        Assert.Equal(("variant-added Thing.label<anyOf:integer>", Severity.Compatible), (added.Id, added.Severity));
    }

    [Fact]
    public void Changes_inside_an_array_item_schema_are_located_through_the_array()
    {
        const string withTags = "        count: {type: integer, format: int64}\n        tags: {type: array, items: {type: string, enum: [a, b]}}";
        var before = Create(BaseSchemas.Replace("        count: {type: integer, format: int64}", withTags, StringComparison.Ordinal));
        var after = Create(BaseSchemas.Replace("        count: {type: integer, format: int64}", withTags.Replace("[a, b]", "[a]", StringComparison.Ordinal), StringComparison.Ordinal));

        Assert.Equal("enum-value-removed Thing.tags[]=\"b\"", Single(Compare(before, after)).Id);
    }

    [Fact]
    public void A_recursive_schema_is_compared_without_looping()
    {
        const string tree = """
                Node:
                  type: object
                  properties:
                    name: {type: string}
                    children: {type: array, items: {$ref: '#/components/schemas/Node'}}
            """;
        var before = Create(BaseSchemas.Replace("        count: {type: integer, format: int64}", "        count: {type: integer, format: int64}\n        root: {$ref: '#/components/schemas/Node'}", StringComparison.Ordinal) + "\n" + tree);
        var after = before.Replace("        name: {type: string}\n        children", "        children", StringComparison.Ordinal);

        Assert.Equal("property-removed Node.name", Single(Compare(before, after)).Id);
    }

    [Fact]
    public void A_component_no_operation_uses_is_still_compared()
    {
        const string line = "    Line:\n      type: object\n      properties:\n        custom_id: {type: string}\n        body: {type: object}";
        var change = Single(Compare(Create(BaseSchemas + "\n" + line), Create(BaseSchemas + "\n" + line.Replace("        body: {type: object}", "        body: {type: string}", StringComparison.Ordinal))));

        Assert.Equal(("type-changed Line.body", Severity.Breaking), (change.Id, change.Severity));
        Assert.Equal(Direction.Request | Direction.Response, change.Direction);
    }

    [Fact]
    public void A_removed_component_schema_is_breaking_and_an_added_one_compatible()
    {
        const string extra = "    Extra: {type: object, properties: {a: {type: string}}}";
        var removed = Single(Compare(Create(BaseSchemas + "\n" + extra), Base));
        var added = Single(Compare(Base, Create(BaseSchemas + "\n" + extra)));

        Assert.Equal(("schema-removed Extra", Severity.Breaking), (removed.Id, removed.Severity));
        Assert.Equal(("schema-added Extra", Severity.Compatible), (added.Id, added.Severity));
    }
}
