using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>Unions inside arrays and unions of unions: chat message content, string or a list of discriminated parts.</summary>
public sealed class UnionCollectionTests
{
    private static readonly string Spec = Specs.Model("""
            TextPart:
              type: object
              required: [type, text]
              properties:
                type: {type: string, const: text}
                text: {type: string}
            ImagePart:
              type: object
              required: [type, image_url]
              properties:
                type: {type: string, const: image_url}
                image_url: {type: string}
            Part:
              oneOf:
                - {$ref: '#/components/schemas/TextPart'}
                - {$ref: '#/components/schemas/ImagePart'}
              discriminator:
                propertyName: type
                mapping:
                  text: '#/components/schemas/TextPart'
                  image_url: '#/components/schemas/ImagePart'
            Thing:
              type: object
              properties:
                content:
                  anyOf:
                    - {type: string}
                    - {type: array, items: {$ref: '#/components/schemas/Part'}}
                    - {type: 'null'}
        """);

    [Fact]
    public void A_list_of_discriminated_parts_reads_each_part_as_its_type_and_round_trips()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        const string Json = """{"content":[{"type":"text","text":"hi"},{"type":"image_url","image_url":"u"}]}""";

        var thing = api.Parse("Models.Thing", Json);

        var parts = thing.Content.PartValues;
        Assert.Equal("hi", (string)parts[0].TextPart.Text);
        Assert.Null(parts[0].ImagePart);
        Assert.Equal("u", (string)parts[1].ImagePart.ImageUrl);
        JsonAssert.Equivalent(Json, GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void The_same_property_as_plain_text_or_null()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);

        var text = api.Parse("Models.Thing", """{"content":"hello"}""");
        var nulled = api.Parse("Models.Thing", """{"content":null}""");

        Assert.Equal("hello", (string)text.Content.String);
        Assert.True(((ISet<string>)nulled.ExplicitNulls).Contains("content"));
        JsonAssert.Equivalent("""{"content":"hello"}""", GeneratedAssembly.ToJson(text));
        JsonAssert.Equivalent("""{"content":null}""", GeneratedAssembly.ToJson(nulled));
    }

    [Fact]
    public void A_part_with_an_unknown_discriminator_falls_back_to_its_required_fields()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);

        var part = api.Parse("Models.Part", """{"type":"text_v2","image_url":"u"}""");

        Assert.Equal("u", (string)part.ImagePart.ImageUrl);
        Assert.Null(part.TextPart);
    }
}
