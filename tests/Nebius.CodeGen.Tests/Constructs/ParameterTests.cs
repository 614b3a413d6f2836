using System.Net;
using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>Path and query parameters: typed indexers, escaping, arrays, enums, required and optional.</summary>
public sealed class ParameterTests
{
    private static readonly string Spec = Specs.Api("""
          /things/{thing_id}:
            get:
              operationId: get_thing
              parameters:
                - {name: thing_id, in: path, required: true, schema: {type: integer, format: int64}}
                - {name: q, in: query, required: true, schema: {type: string}}
                - {name: tags, in: query, schema: {type: array, items: {type: string}}}
                - {name: order, in: query, schema: {$ref: '#/components/schemas/Order'}}
                - {name: orders, in: query, schema: {type: array, items: {$ref: '#/components/schemas/Order'}}}
                - {name: page_size, in: query, schema: {type: integer}}
              responses:
                '204': {description: done}
          /files/{file_id}:
            delete:
              operationId: delete_file
              parameters:
                - {name: file_id, in: path, required: true, schema: {type: string}}
              responses:
                '204': {description: done}
        """, """
            Order: {type: string, enum: [asc, desc, created-at]}
        """);

    private static readonly string[] Tags = ["a", "b c"];

    [Fact]
    public async Task Every_query_parameter_lands_in_the_url_required_first_arrays_exploded_enums_by_wire_value()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var http = new FakeHttpHandler().Respond(HttpStatusCode.NoContent, [], null);
        var builder = api.Client(http).Things[5_000_000_000L];

        await builder.GetAsync(GeneratedAssembly.Query((object)builder, "Get", q =>
        {
            q.Q = "hello world";
            q.Tags = Tags;
            q.Order = api.EnumValue("Models.Order", "Desc");
            q.Orders = api.EnumArray("Models.Order", "Asc", "CreatedAt");
            q.PageSize = 20;
        }));

        var request = http.LastRequest;
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("http://127.0.0.1/api/things/5000000000?q=hello%20world&order=desc&orders=asc&orders=created-at&page_size=20&tags=a&tags=b%20c", request.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Optional_query_parameters_left_unset_are_absent()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var http = new FakeHttpHandler().Respond(HttpStatusCode.NoContent, [], null);
        var builder = api.Client(http).Things[7L];

        await builder.GetAsync(GeneratedAssembly.Query((object)builder, "Get", q => q.Q = "x"));

        Assert.Equal("http://127.0.0.1/api/things/7?q=x", http.LastRequest.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task A_string_path_parameter_is_escaped_and_the_method_is_the_operations()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var http = new FakeHttpHandler().Respond(HttpStatusCode.NoContent, [], null);

        await api.Client(http).Files["a/b c"].DeleteAsync();

        Assert.Equal(HttpMethod.Delete, http.LastRequest.Method);
        Assert.Equal("http://127.0.0.1/api/files/a%2Fb%20c", http.LastRequest.Uri.AbsoluteUri);
    }

    [Fact]
    public void An_int64_path_parameter_gives_a_long_indexer()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);

        var indexer = api.Type("Things.ThingsRequestBuilder").GetProperties().Single(p => p.GetIndexParameters().Length == 1);

        Assert.Equal(typeof(long), indexer.GetIndexParameters()[0].ParameterType);
    }

    [Fact]
    public async Task Path_item_parameters_apply_to_every_operation_and_sibling_parameter_names_share_one_indexer()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Api("""
              /jobs/{job_id}:
                parameters:
                  - {name: job_id, in: path, required: true, schema: {type: string}}
                  - {name: verbose, in: query, schema: {type: boolean}}
                get:
                  operationId: get_job
                  responses:
                    '204': {description: ok}
              /jobs/{id}/events:
                get:
                  operationId: job_events
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                    - {name: limit, in: query, schema: {type: integer}}
                  responses:
                    '204': {description: ok}
            """));
        var http = new FakeHttpHandler().Respond(HttpStatusCode.NoContent, [], null);
        var job = api.Client(http).Jobs["j 1"];

        await job.GetAsync(GeneratedAssembly.Query((object)job, "Get", q => q.Verbose = true));
        var getUrl = http.LastRequest.Uri.AbsoluteUri;
        var events = job.Events;
        await events.GetAsync(GeneratedAssembly.Query((object)events, "Get", q => q.Limit = 3));

        Assert.Equal("http://127.0.0.1/api/jobs/j%201?verbose=true", getUrl);
        Assert.Equal("http://127.0.0.1/api/jobs/j%201/events?limit=3", http.LastRequest.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Integer_array_and_uuid_query_parameters_are_formatted()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Api("""
              /things:
                get:
                  operationId: get_things
                  parameters:
                    - {name: ids, in: query, schema: {type: array, items: {type: integer, format: int64}}}
                    - {name: owner, in: query, schema: {type: string, format: uuid}}
                  responses:
                    '204': {description: ok}
            """));
        var http = new FakeHttpHandler().Respond(HttpStatusCode.NoContent, [], null);
        var things = api.Client(http).Things;

        await things.GetAsync(GeneratedAssembly.Query((object)things, "Get", q =>
        {
            q.Ids = new long[] { 1, 5_000_000_000 };
            q.Owner = new Guid("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        }));

        Assert.Equal("http://127.0.0.1/api/things?ids=1&ids=5000000000&owner=3f2504e0-4f89-11d3-9a0c-0305e82c3301", http.LastRequest.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task An_inline_enum_query_parameter_gets_its_own_enum_type_beside_the_builder()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Api("""
              /things:
                get:
                  operationId: get_things
                  parameters:
                    - {name: sort, in: query, schema: {type: string, enum: [newest, oldest-first]}}
                  responses:
                    '204': {description: ok}
            """));
        var http = new FakeHttpHandler().Respond(HttpStatusCode.NoContent, [], null);
        var things = api.Client(http).Things;
        var sortType = api.Type("Things.ThingsRequestBuilder+ThingsRequestBuilderGetQueryParameters").GetProperty("Sort")!.PropertyType;

        await things.GetAsync(GeneratedAssembly.Query((object)things, "Get", q => q.Sort = (dynamic)Enum.Parse(Nullable.GetUnderlyingType(sortType)!, "OldestFirst")));

        Assert.True(Nullable.GetUnderlyingType(sortType)!.IsEnum);
        Assert.Equal("http://127.0.0.1/api/things?sort=oldest-first", http.LastRequest.Uri.AbsoluteUri);
    }
}
