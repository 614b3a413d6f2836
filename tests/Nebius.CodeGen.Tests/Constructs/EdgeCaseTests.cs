using System.Net;
using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>Spec text that must not break the generated code: odd wire names, odd enum values, quotes in docs and defaults.</summary>
public sealed class EdgeCaseTests
{
    [Fact]
    public void Odd_wire_names_become_valid_distinct_properties_that_keep_their_wire_names()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Thing:
                  type: object
                  description: 'A <thing> & "its" */ docs'
                  properties:
                    '@type': {type: string, description: 'the <kind> of "thing" & more'}
                    x-rate-limit: {type: integer}
                    2fa: {type: boolean}
                    some.value: {type: string}
                    foo_bar: {type: string}
                    fooBar: {type: string}
                    quoted: {type: string, default: 'say "hi" \ there'}
            """));
        const string Json = """{"@type":"t","x-rate-limit":3,"2fa":true,"some.value":"v","foo_bar":"1","fooBar":"2","quoted":"q"}""";

        var thing = api.Parse("Models.Thing", Json);

        Assert.Equal("t", (string)thing.Type);
        Assert.Equal(3, (int)thing.XRateLimit);
        Assert.True((bool)thing.TwoFa);
        Assert.Equal("1", (string)thing.FooBar);
        Assert.Equal("2", (string)thing.FooBar2);
        Assert.Equal("say \"hi\" \\ there", (string)api.New("Models.Thing").Quoted);
        JsonAssert.Equivalent(Json, GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void Enum_values_that_are_not_identifiers_or_collide_still_map_both_ways()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Mode: {type: string, enum: ['', 1x, a-b, A_B, class, 'with space', 'ünï']}
                Thing:
                  type: object
                  properties:
                    mode: {$ref: '#/components/schemas/Mode'}
                    modes: {type: array, items: {$ref: '#/components/schemas/Mode'}}
            """));
        // The empty value only as a single property: Kiota's GetEnumValue reads "" as null, and inside an
        // array there is nowhere to keep the raw text (a single property keeps it as an unknown value).
        const string Json = """{"mode":"","modes":["1x","a-b","A_B","class","with space","ünï"]}""";

        var thing = api.Parse("Models.Thing", Json);

        Assert.Equal(7, Enum.GetValues(api.Type("Models.Mode")).Length);
        Assert.Equal(6, thing.Modes.Count);
        Assert.All(((System.Collections.IEnumerable)thing.Modes).Cast<object?>(), Assert.NotNull);
        Assert.Equal(api.EnumValue("Models.Mode", "AB"), thing.Modes[1]);
        Assert.Equal(api.EnumValue("Models.Mode", "AB2"), thing.Modes[2]);
        JsonAssert.Equivalent(Json, GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void A_recursive_schema_reads_and_writes_its_whole_depth()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Thing:
                  type: object
                  properties:
                    name: {type: string}
                    children: {type: array, items: {$ref: '#/components/schemas/Thing'}}
            """));
        const string Json = """{"name":"a","children":[{"name":"b","children":[{"name":"c"}]}]}""";

        var thing = api.Parse("Models.Thing", Json);

        Assert.Equal("c", (string)thing.Children[0].Children[0].Name);
        JsonAssert.Equivalent(Json, GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void An_untyped_property_carries_any_json()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Thing:
                  type: object
                  properties:
                    payload: {}
                    metadata: {type: object}
            """));
        const string Json = """{"payload":[1,"two",{"three":[true,null]}],"metadata":{"k":{"n":1}}}""";

        var thing = api.Parse("Models.Thing", Json);

        JsonAssert.Equivalent(Json, GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public async Task The_servers_url_is_the_default_base_url()
    {
        using var api = GeneratedAssembly.FromSpec("""
            openapi: 3.1.0
            info: {title: t, version: '1'}
            servers: [{url: 'http://127.0.0.1:9/v1/'}]
            paths:
              /things:
                delete:
                  operationId: clear
                  responses:
                    '204': {description: done}
            """);
        var http = new FakeHttpHandler().Respond(HttpStatusCode.NoContent, [], null);
        using var httpClient = new HttpClient(http, disposeHandler: false);
        var adapter = new Microsoft.Kiota.Http.HttpClientLibrary.HttpClientRequestAdapter(new Microsoft.Kiota.Abstractions.Authentication.AnonymousAuthenticationProvider(), httpClient: httpClient);
        dynamic client = Activator.CreateInstance(api.Type(GeneratedAssembly.ClientName), adapter)!;

        await client.Things.DeleteAsync();

        Assert.Equal("http://127.0.0.1:9/v1/things", http.LastRequest.Uri.AbsoluteUri);
    }
}
