using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>allOf forms beyond one parent: several parents (properties copied in) and pydantic's single-ref wrapper.</summary>
public sealed class AllOfMultipleParentsTests
{
    [Fact]
    public void Several_parents_contribute_all_their_properties()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Named:
                  type: object
                  properties:
                    name: {type: string}
                Timed:
                  type: object
                  properties:
                    created: {type: integer, format: int64}
                Thing:
                  allOf:
                    - {$ref: '#/components/schemas/Named'}
                    - {$ref: '#/components/schemas/Timed'}
                    - type: object
                      properties:
                        own: {type: boolean}
            """));
        const string Json = """{"name":"n","created":1700000000000,"own":true}""";

        var thing = api.Parse("Models.Thing", Json);

        Assert.Equal("n", (string)thing.Name);
        Assert.Equal(1_700_000_000_000L, (long)thing.Created);
        JsonAssert.Equivalent(Json, GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void A_single_ref_allof_with_a_description_is_the_referenced_type()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Usage:
                  type: object
                  properties:
                    tokens: {type: integer}
                Thing:
                  type: object
                  properties:
                    usage:
                      allOf: [{$ref: '#/components/schemas/Usage'}]
                      description: Token usage.
            """));

        var thing = api.Parse("Models.Thing", """{"usage":{"tokens":2}}""");

        Assert.Equal(api.Type("Models.Usage"), api.Type("Models.Thing").GetProperty("Usage")!.PropertyType);
        Assert.Equal(2, (int)thing.Usage.Tokens);
    }
}
