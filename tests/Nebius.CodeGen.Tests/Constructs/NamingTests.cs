using System.Net;
using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>Names that need sanitizing on the wire (query and path keys) and inline types that would share a name.</summary>
public sealed class NamingTests
{
    [Fact]
    public async Task Query_and_path_names_with_symbols_are_sanitized_in_the_template_but_sent_as_written()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Api("""
              /items/{item-id}:
                get:
                  operationId: get_item
                  parameters:
                    - {name: item-id, in: path, required: true, schema: {type: string}}
                    - {name: api-version, in: query, schema: {type: string}}
                    - {name: $top, in: query, schema: {type: integer}}
                    - {name: filter.name, in: query, schema: {type: string}}
                  responses:
                    '204': {description: done}
            """));
        var http = new FakeHttpHandler().Respond(HttpStatusCode.NoContent, [], null);
        var item = api.Client(http, out _, kiotaMiddleware: true).Items["i-1"];

        await item.GetAsync(GeneratedAssembly.Query((object)item, "Get", q =>
        {
            q.ApiVersion = "2024-01";
            q.Top = 5;
            q.FilterName = "n";
        }));

        // Kiota's ParametersNameDecodingHandler turns the template's %24 back into $ on the wire.
        Assert.Equal("/api/items/i-1?$top=5&api-version=2024-01&filter.name=n", http.LastRequest.Uri.PathAndQuery);
    }

    [Fact]
    public void Inline_objects_are_named_after_their_owner_and_property_and_never_collide()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Thing:
                  type: object
                  properties:
                    meta:
                      type: object
                      properties:
                        a: {type: string}
                Thing_meta:
                  type: object
                  properties:
                    b: {type: string}
                Other:
                  type: object
                  properties:
                    owner: {$ref: '#/components/schemas/Thing_meta'}
            """));
        const string Json = """{"meta":{"a":"x"}}""";

        var thing = api.Parse("Models.Thing", Json);

        var inline = api.Type("Models.Thing").GetProperty("Meta")!.PropertyType;
        var component = api.Type("Models.Other").GetProperty("Owner")!.PropertyType;
        Assert.NotEqual(inline, component);
        Assert.NotNull(inline.GetProperty("A"));
        Assert.NotNull(component.GetProperty("B"));
        JsonAssert.Equivalent(Json, GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void Inline_type_names_are_PascalCase_and_a_clash_with_a_component_is_numbered_the_same_way_every_time()
    {
        var spec = Specs.Model("""
                Thing:
                  type: object
                  properties:
                    stop_reason:
                      type: object
                      properties:
                        a: {type: string}
                ThingStopReason:
                  type: object
                  properties:
                    b: {type: string}
            """);
        using var api = GeneratedAssembly.FromSpec(spec);

        var inline = api.Type("Models.Thing").GetProperty("StopReason")!.PropertyType;

        // Components are named first, so the component keeps its name and the inline type takes the next free one.
        Assert.Equal("ThingStopReason2", inline.Name);
        Assert.NotNull(api.Type("Models.ThingStopReason").GetProperty("B"));
        Assert.Equal(Generator.Generate(spec).Surface, Generator.Generate(spec).Surface);
    }

    [Fact]
    public async Task Path_segments_become_PascalCase_namespaces_and_navigation_while_the_wire_keeps_them()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Api("""
              /v1/fine_tuning/jobs/{job_id}:
                get:
                  operationId: get_job
                  parameters:
                    - {name: job_id, in: path, required: true, schema: {type: string}}
                  responses:
                    '204': {description: done}
            """));

        Assert.NotNull(api.Type("V1.FineTuning.FineTuningRequestBuilder").GetProperty("Jobs"));
        Assert.NotNull(api.Type("V1.FineTuning.Jobs.Item.WithJobItemRequestBuilder"));
        var http = new FakeHttpHandler().Respond(HttpStatusCode.NoContent, [], null);
        await api.Client(http, out _).V1.FineTuning.Jobs["j-1"].GetAsync();
        Assert.Equal("/api/v1/fine_tuning/jobs/j-1", http.LastRequest.Uri.PathAndQuery);
    }

    [Fact]
    public void No_generated_type_or_namespace_of_the_real_spec_has_an_underscore()
    {
        var declared = Generator.Generate(Specs.Real).Surface.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split("::", 2)[0])
            .Distinct(StringComparer.Ordinal)
            .Where(name => name.Contains('_', StringComparison.Ordinal))
            .ToList();

        Assert.Empty(declared);
    }
}
