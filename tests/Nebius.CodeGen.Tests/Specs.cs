namespace Nebius.CodeGen.Tests;

/// <summary>The real contract and small inline specs.</summary>
internal static class Specs
{
    public static string RealSpecPath { get; } = Path.Combine(Nebius.Testing.RepositoryPaths.Root, "openapi", "nebius-token-factory.yaml");

    public static string Real => File.ReadAllText(RealSpecPath);

    /// <summary>A minimal valid document around the given <c>components.schemas</c> entries (YAML, indented 4).</summary>
    public static string WithSchemas(string schemas) => $$"""
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths:
          /v1/things:
            get:
              operationId: list_things
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Thing'}
        components:
          schemas:
        {{schemas}}
        """;

    /// <summary>
    /// A minimal valid document with the given <c>paths</c> entries (YAML, indented 2) and optional
    /// <c>components.schemas</c> entries (YAML, indented 4).
    /// </summary>
    public static string Api(string paths, string schemas = "") => $$"""
        openapi: 3.1.0
        info: {title: t, version: '1'}
        paths:
        {{paths}}
        {{(schemas.Length == 0 ? string.Empty : "components:\n  schemas:\n" + schemas)}}
        """;

    /// <summary>A document with one GET operation at <c>/things</c> answering <c>Thing</c>, plus the given schemas (indented 4).</summary>
    public static string Model(string schemas) => Api("""
          /things:
            get:
              operationId: get_thing
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Thing'}
        """, schemas);
}
