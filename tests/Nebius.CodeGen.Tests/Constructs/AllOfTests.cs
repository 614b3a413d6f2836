using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>allOf: one referenced parent is a base class; a discriminator on the parent picks the subclass.</summary>
public sealed class AllOfTests
{
    private static readonly string Spec = Specs.Model("""
            Pet:
              type: object
              required: [kind]
              properties:
                kind: {type: string}
                name: {type: string}
              discriminator:
                propertyName: kind
                mapping:
                  cat: '#/components/schemas/Cat'
            Cat:
              allOf:
                - {$ref: '#/components/schemas/Pet'}
                - type: object
                  properties:
                    lives: {type: integer}
            Thing:
              type: object
              properties:
                pet: {$ref: '#/components/schemas/Pet'}
        """);

    [Fact]
    public void The_composed_schema_derives_from_its_parent_and_serializes_both_parts()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var cat = api.New("Models.Cat");

        cat.Kind = "cat";
        cat.Name = "Tom";
        cat.Lives = 9;

        Assert.Equal(api.Type("Models.Pet"), api.Type("Models.Cat").BaseType);
        JsonAssert.Equivalent("""{"kind":"cat","name":"Tom","lives":9}""", GeneratedAssembly.ToJson(cat));
    }

    [Fact]
    public void Reading_the_parent_type_yields_the_subclass_its_discriminator_names()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        const string Json = """{"pet":{"kind":"cat","name":"Tom","lives":9}}""";

        var thing = api.Parse("Models.Thing", Json);

        Assert.IsType(api.Type("Models.Cat"), (object)thing.Pet);
        Assert.Equal(9, (int)thing.Pet.Lives);
        JsonAssert.Equivalent(Json, GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void An_unmapped_discriminator_value_reads_as_the_parent_keeping_unknown_fields()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        const string Json = """{"pet":{"kind":"fish","name":"Nemo","fins":2}}""";

        var thing = api.Parse("Models.Thing", Json);

        Assert.IsType(api.Type("Models.Pet"), (object)thing.Pet);
        JsonAssert.Equivalent(Json, GeneratedAssembly.ToJson(thing));
    }
}
