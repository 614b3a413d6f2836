using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>The FastAPI/pydantic forms of DESIGN.md §3: <c>anyOf [X, null]</c> and a nullable discriminated union.</summary>
public sealed class FastApiIdiomTests
{
    [Fact]
    public void AnyOf_x_or_null_is_a_nullable_x_not_a_composed_type()
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
                      anyOf:
                        - {$ref: '#/components/schemas/Usage'}
                        - {type: 'null'}
                    label:
                      anyOf:
                        - {type: string}
                        - {type: 'null'}
            """));

        var present = api.Parse("Models.Thing", """{"usage":{"tokens":5},"label":"l"}""");
        var nulled = api.Parse("Models.Thing", """{"usage":null}""");

        Assert.Equal(api.Type("Models.Usage"), api.Type("Models.Thing").GetProperty("Usage")!.PropertyType);
        Assert.Equal(typeof(string), api.Type("Models.Thing").GetProperty("Label")!.PropertyType);
        Assert.Equal(5, (int)present.Usage.Tokens);
        Assert.True(((ISet<string>)nulled.ExplicitNulls).Contains("usage"));
        Assert.False(((ISet<string>)nulled.ExplicitNulls).Contains("label"));
        JsonAssert.Equivalent("""{"usage":null}""", GeneratedAssembly.ToJson(nulled));
    }

    [Fact]
    public void A_nullable_discriminated_union_reads_its_member_and_keeps_an_explicit_null()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Wandb:
                  type: object
                  properties:
                    type: {type: string, const: wandb}
                    project: {type: string}
                Mlflow:
                  type: object
                  properties:
                    type: {type: string, const: mlflow}
                    uri: {type: string}
                Thing:
                  type: object
                  properties:
                    integration:
                      anyOf:
                        - oneOf:
                            - {$ref: '#/components/schemas/Wandb'}
                            - {$ref: '#/components/schemas/Mlflow'}
                          discriminator:
                            propertyName: type
                            mapping:
                              wandb: '#/components/schemas/Wandb'
                              mlflow: '#/components/schemas/Mlflow'
                        - {type: 'null'}
            """));

        var mlflow = api.Parse("Models.Thing", """{"integration":{"type":"mlflow","uri":"u"}}""");
        var nulled = api.Parse("Models.Thing", """{"integration":null}""");

        Assert.Equal("u", (string)mlflow.Integration.Mlflow.Uri);
        Assert.Null(mlflow.Integration.Wandb);
        Assert.Null(nulled.Integration);
        Assert.True(((ISet<string>)nulled.ExplicitNulls).Contains("integration"));
        JsonAssert.Equivalent("""{"integration":{"type":"mlflow","uri":"u"}}""", GeneratedAssembly.ToJson(mlflow));
        JsonAssert.Equivalent("""{"integration":null}""", GeneratedAssembly.ToJson(nulled));
    }

    [Fact]
    public void An_array_of_anyof_objects_is_told_apart_by_the_type_field_each_fixes_by_const_or_default()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                WandbIntegration:
                  type: object
                  properties:
                    type: {type: string, const: wandb}
                    project: {type: string}
                MlflowIntegration:
                  type: object
                  properties:
                    type: {type: string, default: mlflow}
                    project: {type: string}
                    uri: {type: string}
                Thing:
                  type: object
                  properties:
                    integrations:
                      type: array
                      items:
                        anyOf:
                          - {$ref: '#/components/schemas/WandbIntegration'}
                          - {$ref: '#/components/schemas/MlflowIntegration'}
            """));
        const string Json = """{"integrations":[{"type":"mlflow","project":"p","uri":"u"},{"type":"wandb","project":"q"}]}""";

        var thing = api.Parse("Models.Thing", Json);

        Assert.Equal("u", (string)thing.Integrations[0].MlflowIntegration.Uri);
        Assert.Null(thing.Integrations[0].WandbIntegration);
        Assert.Equal("q", (string)thing.Integrations[1].WandbIntegration.Project);
        JsonAssert.Equivalent(Json, GeneratedAssembly.ToJson(thing));
    }
}
