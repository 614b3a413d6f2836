using Nebius.CodeGen.Tests.Compilation;

namespace Nebius.CodeGen.Tests.Constructs;

/// <summary>Formats that change the C# type: int64 is long, date-time is DateTimeOffset.</summary>
public sealed class ScalarFormatTests
{
    private static readonly string Spec = Specs.Model("""
            Thing:
              type: object
              properties:
                bytes: {type: integer, format: int64}
                count: {type: integer}
                created_at: {type: string, format: date-time}
        """);

    [Fact]
    public void An_int64_value_beyond_two_to_the_31_survives_a_round_trip()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);

        var thing = api.Parse("Models.Thing", """{"bytes":9007199254740993,"count":7}""");

        Assert.Equal(typeof(long?), api.Type("Models.Thing").GetProperty("Bytes")!.PropertyType);
        Assert.Equal(typeof(int?), api.Type("Models.Thing").GetProperty("Count")!.PropertyType);
        Assert.Equal(9_007_199_254_740_993L, (long)thing.Bytes);
        JsonAssert.Equivalent("""{"bytes":9007199254740993,"count":7}""", GeneratedAssembly.ToJson(thing));
    }

    [Fact]
    public void A_date_time_keeps_its_instant_and_offset()
    {
        using var api = GeneratedAssembly.FromSpec(Spec);

        var thing = api.Parse("Models.Thing", """{"created_at":"2024-05-01T12:34:56.789+02:00"}""");
        var again = api.Parse("Models.Thing", GeneratedAssembly.ToJson(thing));

        var expected = new DateTimeOffset(2024, 5, 1, 12, 34, 56, 789, TimeSpan.FromHours(2));
        Assert.Equal(expected, (DateTimeOffset)thing.CreatedAt);
        Assert.Equal(expected.Offset, ((DateTimeOffset)again.CreatedAt).Offset);
        Assert.Equal(expected, (DateTimeOffset)again.CreatedAt);
    }
}
