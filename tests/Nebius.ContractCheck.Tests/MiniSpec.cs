using Microsoft.OpenApi;
using Nebius.ContractCheck.Diff;
using Nebius.ContractCheck.Spec;

namespace Nebius.ContractCheck.Tests;

/// <summary>Small specs around one request and one response schema, and a shortcut to diff two of them.</summary>
internal static class MiniSpec
{
    /// <summary>
    /// A document with <c>POST /v1/things</c> (request <c>ThingRequest</c>, response <c>Thing</c>) and
    /// <c>GET /v1/things/{thing_id}</c>; <paramref name="schemas"/> are the <c>components.schemas</c> entries, indented 4.
    /// </summary>
    public static string Create(string schemas, string version = "1.0.0", string extraPaths = "", string listParameters = "") => $$$"""
        openapi: 3.1.0
        info: {title: t, version: '{{{version}}}'}
        paths:
          /v1/things:
            post:
              operationId: create_thing
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/ThingRequest'}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Thing'}
            get:
              operationId: list_things
              parameters:
                - {name: limit, in: query, required: false, schema: {type: integer}}
        {{{listParameters}}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          data: {type: array, items: {$ref: '#/components/schemas/Thing'}}
          /v1/things/{thing_id}:
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
        {{{extraPaths}}}
        components:
          schemas:
        {{{schemas}}}
        """;

    public const string BaseSchemas = """
            ThingRequest:
              type: object
              required: [name]
              properties:
                name: {type: string}
                size: {type: string, enum: [small, large]}
                note: {type: string}
            Thing:
              type: object
              required: [id, status]
              properties:
                id: {type: string}
                status: {type: string, enum: [ready, failed]}
                label: {anyOf: [{type: string}, {type: 'null'}]}
                count: {type: integer, format: int64}
        """;

    public static OpenApiDocument Load(string yaml) => OpenApiModel.Load(yaml);

    public static DiffResult Compare(string baseYaml, string headYaml) => SpecDiff.Compare(Load(baseYaml), Load(headYaml));

    public static Change Single(DiffResult result)
    {
        Assert.True(result.Changes.Count == 1, "expected one change, found: " + string.Join("; ", result.Changes.Select(c => $"{c.Severity} {c.Id}")));
        return result.Changes[0];
    }
}
