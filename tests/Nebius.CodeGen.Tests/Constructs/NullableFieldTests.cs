using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>Nullable properties keep JSON null apart from "absent" in both directions (ExplicitNulls).</summary>
public sealed class NullableFieldTests
{
    private static readonly string Spec = Specs.Model("""
            Thing:
              type: object
              properties:
                nickname: {type: [string, 'null']}
                score: {type: number, nullable: true}
                name: {type: string}
        """);

    [Fact]
    public void A_json_null_is_recorded_and_written_back_while_an_absent_field_stays_absent()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);

        var thing = api.Parse("Models.Thing", """{"name":"n","nickname":null}""");

        Assert.Null(thing.Nickname);
        Assert.Null(thing.Score);
        Assert.True(((ISet<string>)thing.ExplicitNulls).Contains("nickname"));
        Assert.False(((ISet<string>)thing.ExplicitNulls).Contains("score"));
        JsonAssert.Equivalent("""{"name":"n","nickname":null}""", GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void A_caller_sends_an_explicit_null_by_naming_the_field()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var thing = api.New("Models.Thing");

        ((ISet<string>)thing.ExplicitNulls).Add("score");

        JsonAssert.Equivalent("""{"score":null}""", GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void A_value_wins_over_a_stale_explicit_null()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);
        var thing = api.Parse("Models.Thing", """{"nickname":null}""");

        thing.Nickname = "nick";

        JsonAssert.Equivalent("""{"nickname":"nick"}""", GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void A_null_in_a_field_not_marked_nullable_is_dropped_as_in_Kiota()
    {
        using var api = GeneratedAssembly.FromSpec(Specs.Model("""
                Thing:
                  type: object
                  properties:
                    name: {type: string}
            """));

        Assert.Null(api.Type("Models.Thing").GetProperty("ExplicitNulls"));
        JsonAssert.Equivalent("{}", GeneratedAssembly.ToJson(api.Parse("Models.Thing", """{"name":null}""")));
    }
}
