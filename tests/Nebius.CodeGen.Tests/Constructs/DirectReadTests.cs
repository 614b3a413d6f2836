using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>
/// The generated direct path (each model's <c>ReadField</c>, straight from a <c>Utf8JsonReader</c>) reads what
/// Kiota's JsonParseNode reads: the same JSON written back and the same subclasses, for every kind of
/// property, for values of the wrong kind (handed to AssignField through a parse node) and for subclasses
/// whose fields are split over a chain of ReadField overrides.
/// </summary>
public sealed class DirectReadTests
{
    private static readonly string Spec = Specs.Model("""
            Pet:
              type: object
              required: [kind]
              properties:
                kind: {type: string}
                name: {type: [string, 'null']}
                tags: {type: array, items: {type: string}}
              discriminator:
                propertyName: kind
                mapping:
                  cat: '#/components/schemas/Cat'
                  lion: '#/components/schemas/Lion'
            Cat:
              allOf:
                - {$ref: '#/components/schemas/Pet'}
                - type: object
                  properties:
                    lives: {type: integer}
                    indoor: {type: boolean}
            Lion:
              allOf:
                - {$ref: '#/components/schemas/Cat'}
                - type: object
                  properties:
                    pride: {type: string}
            Size:
              type: string
              enum: [small, large]
            Thing:
              type: object
              properties:
                pet: {$ref: '#/components/schemas/Pet'}
                pets: {type: array, items: {$ref: '#/components/schemas/Pet'}}
                owner: {$ref: '#/components/schemas/Owner'}
                owners: {type: array, items: {$ref: '#/components/schemas/Owner'}}
                count: {type: integer, format: int64}
                ratio: {type: number}
                weights: {type: array, items: {type: number, format: float}}
                ids: {type: array, items: {type: integer}}
                size: {$ref: '#/components/schemas/Size'}
                label: {oneOf: [{type: string}, {type: integer}]}
                shape: {oneOf: [{type: array, items: {type: number}}, {$ref: '#/components/schemas/Owner'}, {type: boolean}]}
                parts: {oneOf: [{type: array, items: {$ref: '#/components/schemas/Owner'}}, {type: string, format: date-time}]}
                seen: {type: string, format: date-time}
                free: {}
            Owner:
              type: object
              properties:
                name: {type: string}
                active: {type: [boolean, 'null']}
        """);

    public static TheoryData<string> Payloads() =>
    [
        """{"pet":{"kind":"cat","name":"Tom","tags":["a",null],"lives":9,"indoor":true},"count":12345678901,"ratio":0.5,"weights":[1.5,2],"ids":[1,2],"size":"large","label":"x","shape":[1.5,2,null],"parts":[{"name":"p"},null],"seen":"2025-01-02T03:04:05Z","free":{"a":[1,"b"]},"extra":[true,{"k":null}]}""",
        """{"pets":[{"name":"Leo","kind":"lion","pride":"east","lives":3},{"kind":"dog","name":null},null,"x"],"owner":{"name":"Ann","active":null},"owners":[{"name":"B"},{"active":true,"other":1}],"label":7,"shape":{"name":"o","x":[1]},"parts":"2025-01-02T03:04:05Z"}""",
        """{"pet":{"kind":7,"name":5,"tags":"a","lives":"9","indoor":"yes"},"count":"1","ratio":"half","weights":["1"],"ids":[1.5],"size":"medium","label":true,"owner":[],"owners":{},"pets":5,"shape":["1",2],"parts":"not a date"}""",
        """{"count":1.5e300,"ids":[99999999999],"weights":[1e400],"owner":{"name":"x","name":"y","n\u0061me":"z"},"pet":null,"pets":null,"size":null,"shape":true,"parts":[[1],"s"]}""",
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Reads_each_payload_as_Kiota_does(string json)
    {
        using var api = GeneratedAssembly.FromSpec(Spec);

        var kiota = Record(() => api.Parse("Models.Thing", json));
        var direct = Record(() => api.ParseDirect("Models.Thing", json));

        Assert.Equal(kiota.Failure?.GetType(), direct.Failure?.GetType());
        if (kiota.Failure is null)
        {
            JsonAssert.Equivalent(GeneratedAssembly.ToJson(kiota.Model!), GeneratedAssembly.ToJson(direct.Model!));
        }
    }

    [Fact]
    public void A_subclass_two_levels_down_gets_the_fields_of_every_level()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);

        var thing = api.ParseDirect("Models.Thing", """{"pet":{"pride":"east","kind":"lion","lives":3,"name":"Leo","indoor":false}}""");

        Assert.IsType(api.Type("Models.Lion"), (object)thing.Pet);
        Assert.Equal("east", (string)thing.Pet.Pride);
        Assert.Equal(3, (int)thing.Pet.Lives);
        Assert.Equal("Leo", (string)thing.Pet.Name);
        Assert.False((bool)thing.Pet.Indoor);
    }

    private static (object? Model, Exception? Failure) Record(Func<object> read)
    {
        try
        {
            return (read(), null);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or System.Text.Json.JsonException or OverflowException)
        {
            return (null, ex);
        }
    }
}
