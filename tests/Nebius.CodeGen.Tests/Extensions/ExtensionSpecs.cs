namespace Nebius.CodeGen.Tests.Extensions;

/// <summary>A small API with one operation of each extension, and the same with one extension field replaced.</summary>
internal static class ExtensionSpecs
{
    public const string Pagination = """
              x-nebius-pagination:
                style: cursor
                page-size: {parameter: limit, default: 2, maximum: 5}
                cursor: after
                items: data
                has-more: has_more
                last-id: last_id
                arguments: [limit, colour]
        """;

    public const string RowPagination = """
              x-nebius-pagination:
                style: offset
                method: ReadAllRowsAsync
                page-size: {parameter: limit, default: 2, maximum: 10}
                cursor: offset
                items: rows
        """;

    public const string LongRunning = """
              x-nebius-long-running:
                name: Thing
                resource: shiny thing
                status-property: state
                terminal: [ready, broken]
                failed: [broken]
        """;

    /// <summary>The API with the three extensions as given (each at the indentation of an operation's keys).</summary>
    public static string Api(string pagination = Pagination, string rows = RowPagination, string longRunning = LongRunning) => Specs.Api($$$"""
          /things:
            get:
              operationId: list_things
        {{{pagination}}}
              parameters:
                - {name: limit, in: query, schema: {type: integer}}
                - {name: after, in: query, schema: {type: string}}
                - {name: colour, in: query, schema: {type: string}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/ThingPage'}
          /things/{thing_id}:
            get:
              operationId: get_thing
        {{{longRunning}}}
              parameters:
                - {name: thing_id, in: path, required: true, schema: {type: string}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Thing'}
          /rows:
            get:
              operationId: read_rows
        {{{rows}}}
              parameters:
                - {name: limit, in: query, schema: {type: integer}}
                - {name: offset, in: query, schema: {type: integer}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Rows'}
        """, """
            Thing:
              type: object
              properties:
                id: {type: string}
                state: {type: string}
            ThingPage:
              type: object
              properties:
                data: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                has_more: {type: boolean}
                last_id: {type: string}
            Rows:
              anyOf:
                - type: array
                  items: {type: object, additionalProperties: true}
                - $ref: '#/components/schemas/RowsPage'
            RowsPage:
              type: object
              properties:
                rows:
                  type: array
                  items: {type: object, additionalProperties: true}
                version: {type: string}
        """);
}
