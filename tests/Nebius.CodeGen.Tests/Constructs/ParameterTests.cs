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
}
