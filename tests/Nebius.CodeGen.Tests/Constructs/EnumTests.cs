using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>String enums: known values map to members, unknown values survive a round trip as raw strings.</summary>
public sealed class EnumTests
{
    private static readonly string Spec = Specs.Model("""
            Color: {type: string, enum: [red, dark-blue]}
            Thing:
              type: object
              properties:
                color: {$ref: '#/components/schemas/Color'}
                shades: {type: array, items: {$ref: '#/components/schemas/Color'}}
        """);

    [Fact]
    public void Known_values_map_to_members_by_their_wire_value()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);

        var thing = api.Parse("Models.Thing", """{"color":"dark-blue","shades":["red","dark-blue"]}""");

        Assert.Equal(api.EnumValue("Models.Color", "DarkBlue"), thing.Color);
        Assert.Equal(2, thing.Shades.Count);
        Assert.Equal(api.EnumValue("Models.Color", "Red"), thing.Shades[0]);
        JsonAssert.Equivalent("""{"color":"dark-blue","shades":["red","dark-blue"]}""", GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void An_unknown_value_is_kept_raw_and_written_back_unchanged()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);

        var thing = api.Parse("Models.Thing", """{"color":"ultraviolet"}""");

        Assert.Null(thing.Color);
        Assert.Equal("ultraviolet", (string)thing.UnknownEnumValues["color"]);
        JsonAssert.Equivalent("""{"color":"ultraviolet"}""", GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void Setting_a_known_value_replaces_the_unknown_one()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var thing = api.Parse("Models.Thing", """{"color":"ultraviolet"}""");

        thing.Color = api.EnumValue("Models.Color", "Red");

        JsonAssert.Equivalent("""{"color":"red"}""", GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void An_enum_default_is_preset_to_its_member()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Color: {type: string, enum: [red, dark-blue]}
                Thing:
                  type: object
                  properties:
                    color: {$ref: '#/components/schemas/Color', default: dark-blue}
            """));

        var thing = api.New("Models.Thing");

        Assert.Equal(api.EnumValue("Models.Color", "DarkBlue"), thing.Color);
        JsonAssert.Equivalent("""{"color":"dark-blue"}""", GeneratedAssembly.ToJson(thing));
    }
}
