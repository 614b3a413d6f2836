using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>Open models keep unknown fields in AdditionalData; maps are open models; closed models drop extras.</summary>
public sealed class AdditionalPropertiesTests
{
    [Fact]
    public void Unknown_fields_of_an_open_model_round_trip_through_additional_data()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Thing:
                  type: object
                  additionalProperties: true
                  properties:
                    name: {type: string}
            """));

        var thing = api.Parse("Models.Thing", """{"name":"n","extra":"x","more":{"deep":[1,2]}}""");

        Assert.Equal("n", (string)thing.Name);
        Assert.True(thing.AdditionalData.ContainsKey("extra"));
        Assert.False(thing.AdditionalData.ContainsKey("name"));
        JsonAssert.Equivalent("""{"name":"n","extra":"x","more":{"deep":[1,2]}}""", GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void A_map_property_is_an_open_model_holding_every_entry()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Thing:
                  type: object
                  properties:
                    labels:
                      type: object
                      additionalProperties: {type: string}
            """));

        var thing = api.Parse("Models.Thing", """{"labels":{"team":"a","env":"prod"}}""");

        Assert.Equal("prod", thing.Labels.AdditionalData["env"]?.ToString());
        Assert.Equal(2, thing.Labels.AdditionalData.Count);
        JsonAssert.Equivalent("""{"labels":{"team":"a","env":"prod"}}""", GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void A_closed_model_has_no_additional_data_and_drops_unknown_fields()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Thing:
                  type: object
                  additionalProperties: false
                  properties:
                    name: {type: string}
            """));

        var thing = api.Parse("Models.Thing", """{"name":"n","extra":"x"}""");

        Assert.Null(api.Type("Models.Thing").GetProperty("AdditionalData"));
        JsonAssert.Equivalent("""{"name":"n"}""", GeneratedAssembly.ToJson(thing));
    }
}
