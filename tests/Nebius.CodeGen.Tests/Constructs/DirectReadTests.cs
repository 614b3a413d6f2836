using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>
/// The generated direct path (each model's <c>ReadField</c>, straight from a <c>Utf8JsonReader</c>) reads what
/// Kiota's JsonParseNode reads: the same JSON written back and the same subclasses, for every kind of
/// property and for subclasses whose fields are split over a chain of ReadField overrides; a value of the wrong
/// kind (which Kiota's node drops or fails on) is kept in the model's additional data and written back.
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

    /// <summary>Payloads whose every value fits its property: read exactly as Kiota reads them.</summary>
    public static TheoryData<string> Payloads() =>
    [
        """{"pet":{"kind":"cat","name":"Tom","tags":["a",null],"lives":9,"indoor":true},"count":12345678901,"ratio":0.5,"weights":[1.5,2],"ids":[1,2],"size":"large","label":"x","shape":[1.5,2,null],"parts":[{"name":"p"},null],"seen":"2025-01-02T03:04:05Z","free":{"a":[1,"b"]},"extra":[true,{"k":null}]}""",
        """{"pets":[{"name":"Leo","kind":"lion","pride":"east","lives":3},{"kind":"dog","name":null},null],"owner":{"name":"Ann","active":null},"owners":[{"name":"B"},{"active":true,"other":1}],"label":7,"shape":{"name":"o","x":[1]},"parts":"2025-01-02T03:04:05Z","pet":null,"size":null}""",
    ];

    /// <summary>
    /// Payloads full of values of the wrong kind or out of range (Kiota's node drops them or fails): every one is
    /// kept, so the model writes back exactly what came.
    /// </summary>
    public static TheoryData<string> Mismatches() =>
    [
        """{"pet":{"kind":7,"name":5,"tags":"a","lives":"9","indoor":"yes"},"count":"1","ratio":"half","weights":["1"],"ids":[1.5],"size":"medium","label":true,"owner":[],"owners":{},"pets":5,"shape":["1",2],"parts":"not a date"}""",
        """{"count":1.5e300,"ids":[99999999999],"weights":[1e400],"owner":{"name":7},"pets":[{"kind":"cat"},"x"],"shape":"round","parts":[[1],"s"],"seen":"yesterday"}""",
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Reads_each_payload_as_Kiota_does(string json)
    {
        using var api = GeneratedAssembly.FromSpec(Spec);

        var kiota = Record(() => api.Parse("Models.Thing", json));
        var direct = Record(() => api.ParseDirect("Models.Thing", json));

        Assert.Null(kiota.Failure);
        Assert.Null(direct.Failure);
        JsonAssert.Equivalent(GeneratedAssembly.ToJson(kiota.Model!), GeneratedAssembly.ToJson(direct.Model!));
    }

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void Keeps_every_value_of_the_wrong_kind_and_writes_it_back(string json)
    {
        using var api = GeneratedAssembly.FromSpec(Spec);

        var direct = api.ParseDirect("Models.Thing", json);

        JsonAssert.Equivalent(json, GeneratedAssembly.ToJson(direct));
        Assert.Null(direct.Count);
        Assert.Null(direct.Ids);
        Assert.Null(direct.Shape);
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
