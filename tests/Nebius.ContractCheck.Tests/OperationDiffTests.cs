using Nebius.ContractCheck.Diff;
using static Nebius.ContractCheck.Tests.MiniSpec;

namespace Nebius.ContractCheck.Tests;

/// <summary>The diff engine on operations, parameters, bodies and responses.</summary>
public sealed class OperationDiffTests
{
    private static readonly string Base = Create(BaseSchemas);

    private const string DeletePath = """
          /v1/things/{thing_id}/archive:
            post:
              operationId: archive_thing
              responses:
                '204': {description: archived}
        """;

    [Fact]
    public void A_removed_operation_is_breaking_and_an_added_one_compatible()
    {
        var withExtra = Create(BaseSchemas, extraPaths: DeletePath);

        var removed = Single(Compare(withExtra, Base));
        var added = Single(Compare(Base, withExtra));

        Assert.Equal(("operation-removed POST /v1/things/{thing_id}/archive", Severity.Breaking), (removed.Id, removed.Severity));
        Assert.Equal(("operation-added POST /v1/things/{thing_id}/archive", Severity.Compatible), (added.Id, added.Severity));
    }

    [Fact]
    public void A_renamed_operation_id_is_breaking()
    {
        var change = Single(Compare(Base, Base.Replace("operationId: get_thing", "operationId: retrieve_thing", StringComparison.Ordinal)));

        Assert.Equal(("operation-id-changed GET /v1/things/{thing_id}", Severity.Breaking), (change.Id, change.Severity));
    }

    [Fact]
    public void Operations_are_matched_by_path_template_whatever_the_path_parameter_is_called()
    {
        var renamed = Base.Replace("{thing_id}", "{id}", StringComparison.Ordinal).Replace("name: thing_id", "name: id", StringComparison.Ordinal);

        var result = Compare(Base, renamed);

        Assert.DoesNotContain(result.Changes, c => c.Kind is ChangeKinds.OperationRemoved or ChangeKinds.OperationAdded);
        Assert.Contains(result.Changes, c => c.Id == "parameter-removed GET /v1/things/{id} path:thing_id");
    }

    [Fact]
    public void Parameters_removed_added_or_made_required_are_classified()
    {
        const string required = "        - {name: after, in: query, required: true, schema: {type: string}}";
        const string optional = "        - {name: after, in: query, required: false, schema: {type: string}}";

        var newRequired = Single(Compare(Base, Create(BaseSchemas, listParameters: required)));
        var newOptional = Single(Compare(Base, Create(BaseSchemas, listParameters: optional)));
        var madeRequired = Single(Compare(Create(BaseSchemas, listParameters: optional), Create(BaseSchemas, listParameters: required)));
        var removed = Single(Compare(Create(BaseSchemas, listParameters: optional), Base));

        Assert.Equal(("parameter-added GET /v1/things query:after", Severity.Breaking), (newRequired.Id, newRequired.Severity));
        Assert.Equal(("parameter-added GET /v1/things query:after", Severity.Compatible), (newOptional.Id, newOptional.Severity));
        Assert.Equal(("parameter-became-required GET /v1/things query:after", Severity.Breaking), (madeRequired.Id, madeRequired.Severity));
        Assert.Equal(("parameter-removed GET /v1/things query:after", Severity.Breaking), (removed.Id, removed.Severity));
    }

    [Fact]
    public void A_parameter_type_change_is_breaking()
    {
        var change = Single(Compare(Base, Base.Replace("name: limit, in: query, required: false, schema: {type: integer}", "name: limit, in: query, required: false, schema: {type: string}", StringComparison.Ordinal)));

        Assert.Equal(("type-changed GET /v1/things query:limit", Severity.Breaking), (change.Id, change.Severity));
    }

    [Fact]
    public void A_removed_response_media_type_is_breaking_and_an_extension_is_no_change()
    {
        var withExtension = Base.Replace(
            "      operationId: get_thing\n",
            "      operationId: get_thing\n      x-test: 1\n",
            StringComparison.Ordinal);
        var noMedia = Base.Replace(
            "          content:\n            application/json:\n              schema: {$ref: '#/components/schemas/Thing'}\n\ncomponents:",
            "\ncomponents:",
            StringComparison.Ordinal);
        Assert.NotEqual(Base, withExtension);
        Assert.Empty(Compare(Base, withExtension).Changes);

        Assert.NotEqual(Base, noMedia);
        var result = Compare(Base, noMedia);

        var change = Assert.Single(result.Changes, c => c.Kind == ChangeKinds.MediaTypeRemoved);
        Assert.Equal(("media-type-removed GET /v1/things/{thing_id} 200 application/json", Severity.Breaking), (change.Id, change.Severity));
    }

    [Fact]
    public void An_added_error_response_is_compatible_and_a_removed_one_breaking()
    {
        var withError = Base.Replace(
            "              schema: {$ref: '#/components/schemas/Thing'}\n\ncomponents:",
            "              schema: {$ref: '#/components/schemas/Thing'}\n        '404': {description: missing}\ncomponents:",
            StringComparison.Ordinal);
        Assert.NotEqual(Base, withError);

        var added = Single(Compare(Base, withError));
        var removed = Single(Compare(withError, Base));

        Assert.Equal(("response-added GET /v1/things/{thing_id} 404", Severity.Compatible), (added.Id, added.Severity));
        Assert.Equal(("response-removed GET /v1/things/{thing_id} 404", Severity.Breaking), (removed.Id, removed.Severity));
    }

    [Fact]
    public void A_request_body_that_becomes_required_is_breaking()
    {
        var optionalBody = Base.Replace("      requestBody:\n        required: true", "      requestBody:\n        required: false", StringComparison.Ordinal);
        Assert.NotEqual(Base, optionalBody);

        var change = Single(Compare(optionalBody, Base));

        Assert.Equal(("request-body-became-required POST /v1/things request", Severity.Breaking), (change.Id, change.Severity));
    }
}
