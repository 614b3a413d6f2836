using System.Net;
using System.Text;
using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>Bodies and responses that are not one model: unions, raw streams, forms, scalars and enums.</summary>
public sealed class BodyAndResponseKindTests
{
    private static readonly string Spec = Specs.Api("""
          /inputs:
            post:
              operationId: send_input
              requestBody:
                content:
                  application/json:
                    schema:
                      oneOf: [{type: string}, {$ref: '#/components/schemas/Thing'}]
              responses:
                '200':
                  description: a thing or a text
                  content:
                    application/json:
                      schema:
                        oneOf: [{type: string}, {$ref: '#/components/schemas/Thing'}]
          /blobs/{name}:
            put:
              operationId: put_blob
              parameters:
                - {name: name, in: path, required: true, schema: {type: string}}
              requestBody:
                content:
                  application/octet-stream:
                    schema: {type: string, format: binary}
              responses:
                '201': {description: stored}
          /forms:
            post:
              operationId: post_form
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema: {$ref: '#/components/schemas/Thing'}
              responses:
                '204': {description: done}
          /status:
            get:
              operationId: get_status
              responses:
                '200':
                  description: the status
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Status'}
          /count:
            get:
              operationId: get_count
              responses:
                '200':
                  description: the count
                  content:
                    application/json:
                      schema: {type: integer, format: int64}
          /sizes:
            get:
              operationId: get_sizes
              responses:
                '200':
                  description: sizes
                  content:
                    application/json:
                      schema: {type: array, items: {type: integer, format: int64}}
        """, """
            Thing:
              type: object
              properties:
                id: {type: string}
                n: {type: integer}
            Status: {type: string, enum: [up, down]}
        """);

    [Fact]
    public async Task A_union_body_is_written_as_its_member_and_a_union_response_is_read_by_kind()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var http = new FakeHttpHandler().RespondJson(HttpStatusCode.OK, """{"id":"t","n":1}""");
        var client = api.Client(http);
        var bodyType = api.Type("Inputs.InputsRequestBuilder").GetMethod("PostAsync")!.GetParameters()[0].ParameterType;
        dynamic body = Activator.CreateInstance(bodyType)!;
        body.String = "plain text";

        var answer = await client.Inputs.PostAsync(body);

        Assert.Equal("\"plain text\"", http.LastRequest.BodyText);
        Assert.Equal("t", (string)answer.Thing.Id);
        Assert.Null(answer.String);
    }

    [Fact]
    public async Task A_binary_body_is_streamed_with_its_media_type()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var http = new FakeHttpHandler().Respond(HttpStatusCode.Created, [], null);
        byte[] payload = [9, 8, 7, 0];
        using var content = new MemoryStream(payload);

        await api.Client(http).Blobs["b.bin"].PutAsync(content);

        Assert.Equal(HttpMethod.Put, http.LastRequest.Method);
        Assert.Equal("application/octet-stream", http.LastRequest.Header("Content-Type"));
        Assert.Equal(payload, http.LastRequest.Body);
    }

    [Fact]
    public async Task A_form_body_is_url_encoded()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var http = new FakeHttpHandler().Respond(HttpStatusCode.NoContent, [], null);
        var thing = api.New("Models.Thing");
        thing.Id = "a b";
        thing.N = 2;

        await api.Client(http).Forms.PostAsync(thing);

        Assert.Equal("application/x-www-form-urlencoded", http.LastRequest.Header("Content-Type"));
        Assert.Equal("id=a%20b&n=2", http.LastRequest.BodyText);
    }

    [Fact]
    public async Task Enum_long_and_long_list_responses_are_primitives()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var http = new FakeHttpHandler();
        var client = api.Client(http);

        http.RespondJson(HttpStatusCode.OK, "\"down\"");
        var status = await client.Status.GetAsync();
        http.RespondJson(HttpStatusCode.OK, "6000000000");
        long count = await client.Count.GetAsync();
        http.RespondJson(HttpStatusCode.OK, "[1,6000000000]");
        var sizes = await client.Sizes.GetAsync();

        Assert.Equal(api.EnumValue("Models.Status", "Down"), status);
        Assert.Equal(6_000_000_000L, count);
        Assert.Equal([1L, 6_000_000_000L], ((IEnumerable<long?>)sizes).Select(s => s!.Value));
    }
}
