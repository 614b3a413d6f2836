using System.Net;
using Microsoft.Kiota.Abstractions;
using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>Error responses: exact codes, 4XX ranges and default each throw their own ApiException subclass, parsed.</summary>
public sealed class ErrorMappingTests
{
    private static readonly string Spec = Specs.Api("""
          /things/{thing_id}:
            get:
              operationId: get_thing
              parameters:
                - {name: thing_id, in: path, required: true, schema: {type: string}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Thing'}
                '404':
                  description: missing
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/NotFound'}
                '422':
                  description: invalid
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/HTTPValidationError'}
                '4XX':
                  description: client error
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/ClientError'}
                default:
                  description: anything else
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/ServerError'}
        """, """
            Thing:
              type: object
              properties:
                id: {type: string}
            NotFound:
              type: object
              properties:
                detail: {type: string, x-ms-primary-error-message: true}
            HTTPValidationError:
              type: object
              properties:
                detail:
                  type: array
                  items: {$ref: '#/components/schemas/ValidationError'}
            ValidationError:
              type: object
              required: [loc, msg, type]
              properties:
                loc:
                  type: array
                  items:
                    anyOf: [{type: string}, {type: integer}]
                msg: {type: string}
                type: {type: string}
            ClientError:
              type: object
              properties:
                message: {type: string}
                code: {type: string}
            ServerError:
              type: object
              properties:
                error:
                  type: object
                  properties:
                    message: {type: string}
        """);

    [Fact]
    public async Task An_exact_code_throws_its_model_with_the_primary_message_and_the_status()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var http = new FakeHttpHandler().RespondJson(HttpStatusCode.NotFound, """{"detail":"no such thing"}""");
        var client = api.Client(http);

        var error = await Assert.ThrowsAnyAsync<ApiException>(async () => await client.Things["t1"].GetAsync());

        Assert.IsType(api.Type("Models.NotFound"), error);
        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal("no such thing", error.Message);
        Assert.Equal("no such thing", (string)((dynamic)error).Detail);
    }

    [Fact]
    public async Task A_422_throws_the_validation_error_with_its_detail_list()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var http = new FakeHttpHandler().RespondJson(HttpStatusCode.UnprocessableEntity, """{"detail":[{"loc":["body","messages",0],"msg":"field required","type":"missing"}]}""");
        var client = api.Client(http);

        var error = await Assert.ThrowsAnyAsync<ApiException>(async () => await client.Things["t1"].GetAsync());

        Assert.IsType(api.Type("Models.HTTPValidationError"), error);
        Assert.Equal(422, error.ResponseStatusCode);
        var detail = ((dynamic)error).Detail[0];
        Assert.Equal("field required", (string)detail.Msg);
        Assert.Equal("messages", (string)detail.Loc[1].String);
        Assert.Equal(0, (int)detail.Loc[2].Integer);
    }

    [Fact]
    public async Task Another_4xx_code_throws_the_range_model()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var http = new FakeHttpHandler().RespondJson(HttpStatusCode.Conflict, """{"message":"busy","code":"conflict"}""");
        var client = api.Client(http);

        var error = await Assert.ThrowsAnyAsync<ApiException>(async () => await client.Things["t1"].GetAsync());

        Assert.IsType(api.Type("Models.ClientError"), error);
        Assert.Equal(409, error.ResponseStatusCode);
        Assert.Equal("conflict", (string)((dynamic)error).Code);
    }

    [Fact]
    public async Task A_5xx_code_falls_back_to_the_default_model()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var http = new FakeHttpHandler().RespondJson(HttpStatusCode.InternalServerError, """{"error":{"message":"boom"}}""");
        var client = api.Client(http);

        var error = await Assert.ThrowsAnyAsync<ApiException>(async () => await client.Things["t1"].GetAsync());

        Assert.IsType(api.Type("Models.ServerError"), error);
        Assert.Equal(500, error.ResponseStatusCode);
        Assert.Equal("boom", (string)((dynamic)error).Error.Message);
    }

    [Fact]
    public async Task A_success_still_parses_the_response_model()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var http = new FakeHttpHandler().RespondJson(HttpStatusCode.OK, """{"id":"t1"}""");

        var thing = await api.Client(http).Things["t1"].GetAsync();

        Assert.Equal("t1", (string)thing.Id);
    }
}
