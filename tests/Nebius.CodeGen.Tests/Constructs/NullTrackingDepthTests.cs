using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>Explicit nulls where models nest: subclasses chosen by a discriminator, union members, recursion.</summary>
public sealed class NullTrackingDepthTests
{
    [Fact]
    public void A_subclass_read_through_its_parent_tracks_nulls_of_both_levels()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Pet:
                  type: object
                  required: [kind]
                  properties:
                    kind: {type: string}
                    nickname: {type: [string, 'null']}
                  discriminator:
                    propertyName: kind
                    mapping:
                      cat: '#/components/schemas/Cat'
                Cat:
                  allOf:
                    - {$ref: '#/components/schemas/Pet'}
                    - type: object
                      properties:
                        owner: {type: [string, 'null']}
                        lives: {type: [integer, 'null']}
                Thing:
                  type: object
                  properties:
                    pet: {$ref: '#/components/schemas/Pet'}
            """));
        const string Json = """{"pet":{"kind":"cat","nickname":null,"owner":null}}""";

        var thing = api.Parse("Models.Thing", Json);

        Assert.IsType(api.Type("Models.Cat"), (object)thing.Pet);
        Assert.True(((ISet<string>)thing.Pet.ExplicitNulls).Contains("nickname"));
        Assert.True(((ISet<string>)thing.Pet.ExplicitNulls).Contains("owner"));
        Assert.False(((ISet<string>)thing.Pet.ExplicitNulls).Contains("lives"));
        JsonAssert.Equivalent(Json, GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void Nulls_inside_a_union_member_and_at_every_level_of_a_recursive_model_are_kept()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Leaf:
                  type: object
                  required: [leaf]
                  properties:
                    leaf: {type: string}
                    note: {type: [string, 'null']}
                Thing:
                  type: object
                  properties:
                    note: {type: [string, 'null']}
                    children: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                    node:
                      oneOf: [{$ref: '#/components/schemas/Leaf'}, {type: string}]
            """));
        const string Json = """{"note":null,"children":[{"note":null,"children":[{"note":"deep"}]},{"node":{"leaf":"l","note":null}}]}""";

        var thing = api.Parse("Models.Thing", Json);

        Assert.True(((ISet<string>)thing.ExplicitNulls).Contains("note"));
        Assert.True(((ISet<string>)thing.Children[0].ExplicitNulls).Contains("note"));
        Assert.False(((ISet<string>)thing.Children[0].Children[0].ExplicitNulls).Contains("note"));
        Assert.True(((ISet<string>)thing.Children[1].Node.Leaf.ExplicitNulls).Contains("note"));
        JsonAssert.Equivalent(Json, GeneratedAssembly.ToJson(thing));
    }
}
