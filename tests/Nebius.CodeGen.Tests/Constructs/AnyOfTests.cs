using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>anyOf wrappers (not FastAPI's nullable form): one member per value, chosen by JSON value kind.</summary>
public sealed class AnyOfTests
{
    private static readonly string Spec = Specs.Model("""
            Detail:
              type: object
              properties:
                code: {type: string}
            Thing:
              type: object
              properties:
                value:
                  anyOf:
                    - {type: string}
                    - {type: integer}
                    - {type: boolean}
                    - {$ref: '#/components/schemas/Detail'}
        """);

    [Theory]
    [InlineData("""{"value":"text"}""", "String")]
    [InlineData("""{"value":42}""", "Integer")]
    [InlineData("""{"value":true}""", "Boolean")]
    [InlineData("""{"value":{"code":"c","extra":1}}""", "Detail")]
    public void Each_value_kind_fills_exactly_its_member_and_round_trips(string json, string member)
    {
        using var api = GeneratedAssembly.FromSpec(Spec);

        var thing = api.Parse("Models.Thing", json);

        object value = thing.Value;
        var filled = value.GetType().GetProperties().Where(p => p.GetValue(value) is not null).Select(p => p.Name);
        Assert.Equal([member], filled);
        JsonAssert.Equivalent(json, GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void An_anyof_of_strings_and_string_enums_is_an_open_string()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Thing:
                  type: object
                  properties:
                    model:
                      anyOf:
                        - {type: string}
                        - {type: string, enum: [small, large]}
            """));

        var thing = api.Parse("Models.Thing", """{"model":"custom-model"}""");

        Assert.Equal(typeof(string), api.Type("Models.Thing").GetProperty("Model")!.PropertyType);
        Assert.Equal("custom-model", (string)thing.Model);
    }
}
