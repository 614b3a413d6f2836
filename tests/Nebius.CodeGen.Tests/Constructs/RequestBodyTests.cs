using System.Net;
using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>A JSON request body: method, content type, Accept and the serialized model on the wire.</summary>
public sealed class RequestBodyTests
{
    [Fact]
    public async Task A_post_sends_the_model_as_json_and_reads_the_answer()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Api("""
              /things:
                post:
                  operationId: create_thing
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/NewThing'}
                  responses:
                    '201':
                      description: created
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Thing'}
            """, """
                NewThing:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                    tags: {type: array, items: {type: string}}
                    mode: {type: string, default: fast}
                Thing:
                  type: object
                  properties:
                    id: {type: string}
                    name: {type: string}
            """));
        var http = new FakeHttpHandler().RespondJson(HttpStatusCode.Created, """{"id":"t1","name":"n"}""");
        var body = api.New("Models.NewThing");
        body.Name = "n";
        body.Tags = new List<string> { "x" };

        var created = await api.Client(http).Things.PostAsync(body);

        var request = http.LastRequest;
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("http://127.0.0.1/api/things", request.Uri.AbsoluteUri);
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("application/json", request.Header("Accept"));
        // As in Kiota, a string default is assigned in the constructor and therefore sent.
        JsonAssert.Equivalent("""{"name":"n","tags":["x"],"mode":"fast"}""", request.BodyText);
        Assert.Equal("t1", (string)created.Id);
    }
}
