using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>The value-kind probe on the unions real contracts have: OpenAI's prompt shapes, numbers, inline objects, enums.</summary>
public sealed class UnionProbeTests
{
    [Theory]
    [InlineData("""{"prompt":"hi"}""", "String")]
    [InlineData("""{"prompt":["a","b"]}""", "StringValues")]
    [InlineData("""{"prompt":[1,2,3]}""", "IntegerValues")]
    [InlineData("""{"prompt":[[1,2],[3]]}""", "UntypedNodeValues")]
    public void A_prompt_of_text_texts_tokens_or_token_lists_picks_its_member_by_element_kind(string json, string member)
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Thing:
                  type: object
                  properties:
                    prompt:
                      oneOf:
                        - {type: string}
                        - {type: array, items: {type: string}}
                        - {type: array, items: {type: integer}}
                        - {type: array, items: {type: array, items: {type: integer}}}
            """));

        var thing = api.Parse("Models.Thing", json);

        object prompt = thing.Prompt;
        Assert.Equal([member], prompt.GetType().GetProperties().Where(p => p.GetValue(prompt) is not null).Select(p => p.Name));
        JsonAssert.Equivalent(json, GeneratedAssembly.ToJson(thing));
    }

    [Theory]
    [InlineData("""{"n":3}""", "Integer")]
    [InlineData("""{"n":3.25}""", "Double")]
    [InlineData("""{"n":"auto"}""", "String")]
    public void Integers_and_reals_are_told_apart_by_their_fraction(string json, string member)
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Thing:
                  type: object
                  properties:
                    n:
                      anyOf: [{type: integer}, {type: number}, {type: string}]
            """));

        var thing = api.Parse("Models.Thing", json);

        object n = thing.N;
        Assert.Equal([member], n.GetType().GetProperties().Where(p => p.GetValue(n) is not null).Select(p => p.Name));
        JsonAssert.Equivalent(json, GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void Inline_object_members_get_their_own_types_and_an_enum_member_reads_strings()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Thing:
                  type: object
                  properties:
                    choice:
                      oneOf:
                        - {type: string, enum: [none, auto]}
                        - type: object
                          required: [function]
                          properties:
                            function: {type: string}
            """));

        var named = api.Parse("Models.Thing", """{"choice":{"function":"f"}}""");
        var mode = api.Parse("Models.Thing", """{"choice":"auto"}""");

        object choice = named.Choice;
        var objectMember = choice.GetType().GetProperties().Single(p => p.GetValue(choice) is not null);
        Assert.Equal("f", (string)((dynamic)objectMember.GetValue(choice)!).Function);
        object modeChoice = mode.Choice;
        var enumMember = modeChoice.GetType().GetProperties().Single(p => p.GetValue(modeChoice) is not null);
        Assert.Equal("auto", enumMember.GetValue(modeChoice)!.ToString(), ignoreCase: true);
        JsonAssert.Equivalent("""{"choice":{"function":"f"}}""", GeneratedAssembly.ToJson(named));
        JsonAssert.Equivalent("""{"choice":"auto"}""", GeneratedAssembly.ToJson(mode));
    }

    [Fact]
    public void A_nullable_enum_keeps_both_an_explicit_null_and_an_unknown_value()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Reason: {type: string, enum: [stop, length]}
                Thing:
                  type: object
                  properties:
                    reason:
                      anyOf: [{$ref: '#/components/schemas/Reason'}, {type: 'null'}]
            """));

        var nulled = api.Parse("Models.Thing", """{"reason":null}""");
        var unknown = api.Parse("Models.Thing", """{"reason":"tool_calls"}""");

        Assert.True(((ISet<string>)nulled.ExplicitNulls).Contains("reason"));
        JsonAssert.Equivalent("""{"reason":null}""", GeneratedAssembly.ToJson(nulled));
        Assert.False(((ISet<string>)unknown.ExplicitNulls).Contains("reason"));
        JsonAssert.Equivalent("""{"reason":"tool_calls"}""", GeneratedAssembly.ToJson(unknown));
    }

    [Theory]
    [InlineData("""{"when":"2024-01-02T03:04:05Z"}""", "DateTimeOffset")]
    [InlineData("""{"when":"tomorrow"}""", "String")]
    public void A_formatted_string_member_is_tried_before_the_plain_string(string json, string member)
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Thing:
                  type: object
                  properties:
                    when:
                      anyOf: [{type: string, format: date-time}, {type: string}]
            """));

        var thing = api.Parse("Models.Thing", json);

        object when = thing.When;
        Assert.Equal([member], when.GetType().GetProperties().Where(p => p.GetValue(when) is not null).Select(p => p.Name));
    }

    [Theory]
    [InlineData("byte", """{"v":"aGVsbG8="}""", "Binary")]
    [InlineData("byte", """{"v":"not base64!"}""", "String")]
    [InlineData("duration", """{"v":"PT1H"}""", "TimeSpan")]
    [InlineData("duration", """{"v":"an hour"}""", "String")]
    [InlineData("uuid", """{"v":"3f2504e0-4f89-11d3-9a0c-0305e82c3301"}""", "Guid")]
    [InlineData("uuid", """{"v":"not-a-guid"}""", "String")]
    [InlineData("date", """{"v":"2024-02-29"}""", "Date")]
    [InlineData("date", """{"v":"someday"}""", "String")]
    public void A_string_that_does_not_match_the_format_member_falls_to_the_plain_string(string format, string json, string member)
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model($$"""
                Thing:
                  type: object
                  properties:
                    v:
                      anyOf: [{type: string, format: {{format}}}, {type: string}]
            """));

        var thing = api.Parse("Models.Thing", json);

        object v = thing.V;
        Assert.Equal([member], v.GetType().GetProperties().Where(p => p.GetValue(v) is not null).Select(p => p.Name));
    }
}
