using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>Schema keywords FastAPI emits on properties: const, readOnly, writeOnly, deprecated, title/examples, name suffixes.</summary>
public sealed class SchemaKeywordTests
{
    [Fact]
    public void A_const_property_is_preset_so_a_new_model_sends_it()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Thing:
                  type: object
                  properties:
                    type: {type: string, const: wandb, title: Type}
                    project: {type: string, examples: [demo]}
            """));
        var thing = api.New("Models.Thing");

        thing.Project = "p";

        JsonAssert.Equivalent("""{"type":"wandb","project":"p"}""", GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void A_read_only_property_is_read_but_never_sent_and_a_write_only_one_is_sent()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Thing:
                  type: object
                  properties:
                    id: {type: string, readOnly: true}
                    api_key: {type: string, format: password, writeOnly: true}
            """));

        var thing = api.Parse("Models.Thing", """{"id":"t1"}""");
        thing.ApiKey = "secret";

        Assert.Equal("t1", (string)thing.Id);
        Assert.False(api.Type("Models.Thing").GetProperty("Id")!.SetMethod!.IsPublic);
        JsonAssert.Equivalent("""{"api_key":"secret"}""", GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void Deprecated_schemas_properties_and_operations_are_obsolete_and_still_compile_and_work()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Api("""
              /things:
                get:
                  operationId: get_thing
                  deprecated: true
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Thing'}
            """, """
                Old:
                  type: object
                  deprecated: true
                  properties:
                    v: {type: integer}
                Thing:
                  type: object
                  properties:
                    old: {$ref: '#/components/schemas/Old'}
                    legacy: {type: string, deprecated: true}
            """));

        var thing = api.Parse("Models.Thing", """{"old":{"v":1},"legacy":"l"}""");

        Assert.True(api.Type("Models.Old").IsDefined(typeof(ObsoleteAttribute), inherit: false));
        Assert.True(api.Type("Models.Thing").GetProperty("Legacy")!.IsDefined(typeof(ObsoleteAttribute), inherit: false));
        Assert.True(api.Type("Things.ThingsRequestBuilder").GetMethod("GetAsync")!.IsDefined(typeof(ObsoleteAttribute), inherit: false));
        JsonAssert.Equivalent("""{"old":{"v":1},"legacy":"l"}""", GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void Fastapi_schema_names_are_shortened_and_cleaned_when_they_stay_unique()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Thing:
                  type: object
                  properties:
                    input: {$ref: '#/components/schemas/Message-Input'}
                    first: {$ref: '#/components/schemas/app__models__a__Usage'}
                    second: {$ref: '#/components/schemas/app__models__b__Usage'}
                    file: {$ref: '#/components/schemas/app__models__files__FileInfo'}
                Message-Input:
                  type: object
                  properties:
                    role: {type: string}
                app__models__a__Usage:
                  type: object
                  properties:
                    tokens: {type: integer}
                app__models__b__Usage:
                  type: object
                  properties:
                    seconds: {type: number}
                app__models__files__FileInfo:
                  type: object
                  properties:
                    bytes: {type: integer, format: int64}
            """));
        const string Json = """{"input":{"role":"user"},"first":{"tokens":1},"second":{"seconds":2.5},"file":{"bytes":4294967296}}""";

        var thing = api.Parse("Models.Thing", Json);

        Assert.Equal(api.Type("Models.MessageInput"), api.Type("Models.Thing").GetProperty("Input")!.PropertyType);
        Assert.Equal(api.Type("Models.FileInfo"), api.Type("Models.Thing").GetProperty("File")!.PropertyType);
        Assert.NotEqual(api.Type("Models.Thing").GetProperty("First")!.PropertyType, api.Type("Models.Thing").GetProperty("Second")!.PropertyType);
        JsonAssert.Equivalent(Json, GeneratedAssembly.ToJson(thing));
    }
}
