using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>oneOf wrappers: a declared discriminator picks the member, otherwise the JSON value kind does.</summary>
public sealed class OneOfTests
{
    private static readonly string Discriminated = Specs.Model("""
            Cat:
              type: object
              required: [kind]
              properties:
                kind: {type: string}
                lives: {type: integer}
            Dog:
              type: object
              required: [kind]
              properties:
                kind: {type: string}
                barks: {type: boolean}
            Thing:
              type: object
              properties:
                pet:
                  oneOf:
                    - {$ref: '#/components/schemas/Cat'}
                    - {$ref: '#/components/schemas/Dog'}
                  discriminator:
                    propertyName: kind
                    mapping:
                      cat: '#/components/schemas/Cat'
                      dog: '#/components/schemas/Dog'
        """);

    [Theory]
    [InlineData("""{"pet":{"kind":"cat","lives":9}}""", "Cat")]
    [InlineData("""{"pet":{"kind":"dog","barks":true}}""", "Dog")]
    public void The_discriminator_value_picks_the_member_and_the_json_round_trips(string json, string member)
    {
        using var api = GeneratedAssembly.FromSpec(Discriminated);

        var thing = api.Parse("Models.Thing", json);

        object pet = thing.Pet;
        var chosen = pet.GetType().GetProperty(member)!.GetValue(pet);
        Assert.IsType(api.Type("Models." + member), chosen);
        Assert.All(pet.GetType().GetProperties().Where(p => p.Name != member), p => Assert.Null(p.GetValue(pet)));
        JsonAssert.Equivalent(json, GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void Without_a_discriminator_strings_and_arrays_are_told_apart_by_value_kind()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Thing:
                  type: object
                  properties:
                    stop:
                      oneOf:
                        - {type: string}
                        - {type: array, items: {type: string}}
            """));

        var single = api.Parse("Models.Thing", """{"stop":"end"}""");
        var several = api.Parse("Models.Thing", """{"stop":["a","b"]}""");

        Assert.Equal("end", (string)single.Stop.String);
        Assert.Null(single.Stop.StringValues);
        Assert.Equal(["a", "b"], (List<string>)several.Stop.StringValues);
        Assert.Null(several.Stop.String);
        JsonAssert.Equivalent("""{"stop":["a","b"]}""", GeneratedAssembly.ToJson(several));
    }

    [Fact]
    public void Without_a_discriminator_objects_are_told_apart_by_their_required_fields()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Text:
                  type: object
                  required: [content]
                  properties:
                    content: {type: string}
                Image:
                  type: object
                  required: [url, width]
                  properties:
                    url: {type: string}
                    width: {type: integer}
                Thing:
                  type: object
                  properties:
                    part:
                      oneOf:
                        - {$ref: '#/components/schemas/Text'}
                        - {$ref: '#/components/schemas/Image'}
                        - {type: number}
            """));

        var image = api.Parse("Models.Thing", """{"part":{"url":"u","width":3}}""");
        var text = api.Parse("Models.Thing", """{"part":{"content":"t"}}""");
        var number = api.Parse("Models.Thing", """{"part":2.5}""");

        Assert.Equal(3, (int)image.Part.Image.Width);
        Assert.Null(image.Part.Text);
        Assert.Equal("t", (string)text.Part.Text.Content);
        Assert.Equal(2.5, (double)number.Part.Double);
        JsonAssert.Equivalent("""{"part":{"url":"u","width":3}}""", GeneratedAssembly.ToJson(image));
        JsonAssert.Equivalent("""{"part":2.5}""", GeneratedAssembly.ToJson(number));
    }

    [Fact]
    public void A_member_value_converts_implicitly_into_the_wrapper_for_sending()
    {
        using var api = GeneratedAssembly.FromSpec(Discriminated);
        var cat = api.New("Models.Cat");
        cat.Kind = "cat";
        cat.Lives = 3;
        var thing = api.New("Models.Thing");

        var wrapperType = api.Type("Models.Thing").GetProperty("Pet")!.PropertyType;
        thing.Pet = (dynamic)wrapperType.GetMethod("op_Implicit", [api.Type("Models.Cat")])!.Invoke(null, [cat])!;

        JsonAssert.Equivalent("""{"pet":{"kind":"cat","lives":3}}""", GeneratedAssembly.ToJson(thing));
    }
}
