using System.Net;
using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>
/// Names that would clash in C#: a <c>models</c> path segment (the Models namespace), schemas named like BCL
/// types (<c>File</c>, <c>Type</c>), a keyword property (<c>class</c>), a property named like its class and
/// one named like a generated member.
/// </summary>
public sealed class ReservedNameTests
{
    private static readonly string Spec = Specs.Api("""
          /models:
            get:
              operationId: list_models
              parameters:
                - {name: class, in: query, schema: {type: string}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Type'}
          /models/{model_id}:
            get:
              operationId: get_model
              parameters:
                - {name: model_id, in: path, required: true, x-ms-reserved-parameter: true, schema: {type: string}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/File'}
        """, """
            File:
              type: object
              properties:
                file: {type: string}
                class: {type: string}
            Type:
              type: object
              properties:
                type: {type: string}
                name: {$ref: '#/components/schemas/Name'}
                additional_data: {type: string}
            Name:
              type: object
              properties:
                name: {type: string}
        """);

    [Fact]
    public void Clashing_schema_and_property_names_get_kiotas_suffixes_and_keep_their_wire_names()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        const string Json = """{"type":"t","additional_data":"kept","name":{"name":"n"},"unknown":1}""";

        var type = api.Parse("Models.TypeObject", Json);
        var file = api.Parse("Models.FileObject", """{"file":"f","class":"c"}""");

        Assert.Equal("c", (string)file.Class);
        Assert.Equal("f", (string)file.File);
        Assert.Equal("t", (string)type.Type);
        Assert.Equal("n", (string)type.Name.NameProp);
        Assert.Equal("kept", (string)type.AdditionalDataProperty);
        Assert.True(type.AdditionalData.ContainsKey("unknown"));
        JsonAssert.Equivalent(Json, GeneratedAssembly.ToJson(type));
        JsonAssert.Equivalent("""{"file":"f","class":"c"}""", GeneratedAssembly.ToJson(file));
    }

    [Fact]
    public async Task The_models_segment_lives_in_ModelsRequests_and_a_reserved_model_id_keeps_its_slash()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var http = new FakeHttpHandler().RespondJson(HttpStatusCode.OK, """{"file":"f"}""");
        var client = api.Client(http);

        Assert.NotNull(api.Type("ModelsRequests.ModelsRequestBuilder"));
        var file = await client.Models["meta-llama/Llama-3.1-8B"].GetAsync();

        Assert.IsType(api.Type("Models.FileObject"), (object)file);
        Assert.Equal("http://127.0.0.1/api/models/meta-llama/Llama-3.1-8B", http.LastRequest.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task A_keyword_query_parameter_keeps_its_wire_name()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var http = new FakeHttpHandler().RespondJson(HttpStatusCode.OK, "{}");
        var models = api.Client(http).Models;

        await models.GetAsync(GeneratedAssembly.Query((object)models, "Get", q => q.Class = "chat"));

        Assert.Equal("http://127.0.0.1/api/models?class=chat", http.LastRequest.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task A_system_path_segment_and_a_schema_named_System_do_not_shadow_the_System_namespace()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Api("""
              /system/status:
                get:
                  operationId: system_status
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/System'}
            """, """
                System:
                  type: object
                  properties:
                    at: {type: string, format: date-time}
                    id: {anyOf: [{type: string, format: uuid}, {type: integer}]}
                    tags: {type: array, items: {type: string}}
            """));
        var http = new FakeHttpHandler().RespondJson(HttpStatusCode.OK, """{"at":"2024-01-01T00:00:00Z","id":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","tags":["a"]}""");

        var status = await api.Client(http).System.Status.GetAsync();

        Assert.Equal(new Guid("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), (Guid)status.Id.Guid);
        Assert.Equal("http://127.0.0.1/api/system/status", http.LastRequest.Uri.AbsoluteUri);
    }

    [Fact]
    public void Schemas_named_like_kiota_types_the_generated_code_uses_are_suffixed_and_work()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Thing:
                  type: object
                  properties:
                    parsable: {$ref: '#/components/schemas/IParsable'}
                    set: {$ref: '#/components/schemas/HashSet'}
                    member: {$ref: '#/components/schemas/EnumMember'}
                    either:
                      oneOf: [{type: string}, {$ref: '#/components/schemas/EnumHelpers'}]
                    note: {type: [string, 'null']}
                IParsable: {type: object, properties: {x: {type: string}}}
                HashSet: {type: object, properties: {x: {type: string}}}
                EnumHelpers: {type: object, properties: {x: {type: string}}}
                EnumMember: {type: string, enum: [a, b]}
            """));
        const string Json = """{"parsable":{"x":"1"},"set":{"x":"2"},"member":"b","either":{"x":"3"},"note":null}""";

        var thing = api.Parse("Models.Thing", Json);

        Assert.Equal("1", (string)thing.Parsable.X);
        Assert.IsType(api.Type("Models.IParsableObject"), (object)thing.Parsable);
        Assert.Equal("3", (string)thing.Either.EnumHelpersObject.X);
        JsonAssert.Equivalent(Json, GeneratedAssembly.ToJson(thing));
    }
}
