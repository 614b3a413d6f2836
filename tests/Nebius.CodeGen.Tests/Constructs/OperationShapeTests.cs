using System.Net;
using System.Text;
using Microsoft.Kiota.Abstractions;
using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>Operation shapes beyond one model in, one model out: lists, text, per-operation URL templates, streams.</summary>
public sealed class OperationShapeTests
{
    private static readonly string Spec = Specs.Api("""
          /things:
            get:
              operationId: search_things
              parameters:
                - {name: q, in: query, required: true, schema: {type: string}}
                - {name: active, in: query, schema: {type: boolean}}
                - {name: since, in: query, schema: {type: string, format: date-time}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: array, items: {$ref: '#/components/schemas/Thing'}}
            post:
              operationId: create_things
              requestBody:
                content:
                  application/json:
                    schema: {type: array, items: {$ref: '#/components/schemas/Thing'}}
              responses:
                '200':
                  description: ids
                  content:
                    application/json:
                      schema: {type: array, items: {type: string}}
          /things/{thing_id}/label:
            get:
              operationId: thing_label
              parameters:
                - {name: thing_id, in: path, required: true, schema: {type: integer}}
              responses:
                '200':
                  description: text
                  content:
                    text/plain:
                      schema: {type: string}
          /pairs/{left}-{right}:
            get:
              operationId: get_pair
              parameters:
                - {name: left, in: path, required: true, schema: {type: string}}
                - {name: right, in: path, required: true, schema: {type: string}}
              responses:
                '204': {description: exists}
          /completions:
            post:
              operationId: complete
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Thing'}
              responses:
                '200':
                  description: a completion, or its chunks when streaming
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Thing'}
                    text/event-stream:
                      schema: {$ref: '#/components/schemas/Thing'}
        """, """
            Thing:
              type: object
              properties:
                id: {type: string}
        """);

    [Fact]
    public async Task A_list_response_reads_every_element_and_boolean_and_date_time_queries_are_formatted()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var http = new FakeHttpHandler().RespondJson(HttpStatusCode.OK, """[{"id":"a"},{"id":"b"}]""");
        var things = api.Client(http).Things;

        var list = await things.GetAsync(GeneratedAssembly.Query((object)things, "Get", q =>
        {
            q.Q = "x";
            q.Active = false;
            q.Since = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        }));

        Assert.Equal(["a", "b"], ((IEnumerable<dynamic>)list).Select(t => (string)t.Id));
        Assert.Equal("http://127.0.0.1/api/things?q=x&active=false&since=2024-01-02T03%3A04%3A05.0000000%2B00%3A00", http.LastRequest.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task An_operation_without_the_paths_required_query_parameter_has_its_own_url_template()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var http = new FakeHttpHandler().RespondJson(HttpStatusCode.OK, """["a","b"]""");
        var thing = api.New("Models.Thing");
        thing.Id = "a";
        var body = Activator.CreateInstance(typeof(List<>).MakeGenericType(api.Type("Models.Thing")))!;
        ((System.Collections.IList)body).Add((object)thing);

        var ids = await api.Client(http).Things.PostAsync((dynamic)body);

        Assert.Equal(["a", "b"], (List<string>)ids);
        Assert.Equal("http://127.0.0.1/api/things", http.LastRequest.Uri.AbsoluteUri);
        JsonAssert.Equivalent("""[{"id":"a"}]""", http.LastRequest.BodyText);
    }

    [Fact]
    public async Task A_text_plain_response_is_a_string_and_an_integer_path_parameter_an_int_indexer()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var http = new FakeHttpHandler().Respond(HttpStatusCode.OK, Encoding.UTF8.GetBytes("the label"), "text/plain");

        string label = await api.Client(http).Things[42].Label.GetAsync();

        Assert.Equal("the label", label);
        Assert.Equal("http://127.0.0.1/api/things/42/label", http.LastRequest.Uri.AbsoluteUri);
        // Kiota's q-weight for text/plain, kept by the generator.
        Assert.Equal("text/plain; q=0.9", http.LastRequest.Header("Accept"));
    }

    [Fact]
    public async Task A_segment_with_two_parameters_is_a_method_taking_both()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var http = new FakeHttpHandler().Respond(HttpStatusCode.NoContent, [], null);

        await api.Client(http).Pairs.WithLeftWithRight("l 1", "r").GetAsync();

        Assert.Equal("http://127.0.0.1/api/pairs/l%201-r", http.LastRequest.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task An_event_stream_response_adds_a_stream_request_with_the_same_body_and_an_sse_accept()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var http = new FakeHttpHandler();
        var completions = api.Client(http, out var adapter).Completions;
        var body = api.New("Models.Thing");
        body.Id = "p";

        RequestInformation plain = completions.ToPostRequestInformation(body);
        RequestInformation stream = completions.ToPostStreamRequestInformation(body);
        using var native = (await adapter.ConvertToNativeRequestAsync<HttpRequestMessage>(stream))!;

        Assert.Equal("application/json", plain.Headers["Accept"].Single());
        Assert.Equal("text/event-stream", stream.Headers["Accept"].Single());
        Assert.Equal(HttpMethod.Post, native.Method);
        Assert.Equal("http://127.0.0.1/api/completions", native.RequestUri!.AbsoluteUri);
        JsonAssert.Equivalent("""{"id":"p"}""", await native.Content!.ReadAsStringAsync());
    }
}
