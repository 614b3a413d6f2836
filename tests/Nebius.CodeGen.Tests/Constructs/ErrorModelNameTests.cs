using System.Net;
using Microsoft.Kiota.Abstractions;
using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>Error models whose fields are named like Exception members, and a FastAPI detail that is a string or a list.</summary>
public sealed class ErrorModelNameTests
{
    [Fact]
    public async Task Fields_named_like_exception_members_are_escaped_and_still_parsed()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Api("""
              /things:
                get:
                  operationId: get_things
                  responses:
                    '204': {description: none}
                    '400':
                      description: bad
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Problem'}
            """, """
                Problem:
                  type: object
                  properties:
                    message: {type: string}
                    data: {type: object}
                    source: {type: string}
                    detail:
                      anyOf:
                        - {type: string}
                        - {type: array, items: {type: object}}
            """));
        var http = new FakeHttpHandler().RespondJson(HttpStatusCode.BadRequest, """{"message":"bad input","data":{"k":1},"source":"s","detail":"too long"}""");
        var client = api.Client(http);

        var error = await Assert.ThrowsAnyAsync<ApiException>(async () => await client.Things.GetAsync());

        dynamic problem = error;
        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("bad input", (string)problem.MessageEscaped);
        Assert.Equal("s", (string)problem.SourceEscaped);
        Assert.NotNull(problem.DataEscaped);
        Assert.Equal("too long", (string)problem.Detail.String);
    }

    [Fact]
    public async Task An_error_model_derived_through_allof_from_a_plain_model_is_still_thrown_typed()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Api("""
              /things:
                get:
                  operationId: get_things
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Problem'}
                    '404':
                      description: missing
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/NotFound'}
            """, """
                Problem:
                  type: object
                  properties:
                    title: {type: string}
                NotFound:
                  allOf:
                    - {$ref: '#/components/schemas/Problem'}
                    - type: object
                      properties:
                        resource: {type: string}
            """));
        var http = new FakeHttpHandler().RespondJson(HttpStatusCode.NotFound, """{"title":"gone","resource":"thing"}""");
        var client = api.Client(http);

        var error = await Assert.ThrowsAnyAsync<ApiException>(async () => await client.Things.GetAsync());

        Assert.IsType(api.Type("Models.NotFound"), error);
        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("gone", (string)((dynamic)error).Title);
        Assert.Equal("thing", (string)((dynamic)error).Resource);
    }
}
