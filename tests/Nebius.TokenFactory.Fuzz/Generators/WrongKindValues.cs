using System.Text.Json;

namespace Nebius.TokenFactory.Fuzz.Generators;

/// <summary>
/// Raw JSON values that do not fit where they are put: of another kind than the JSON value they replace, or of
/// another kind (or out of range) for the CLR type of the property they are sent for.
/// </summary>
internal static class WrongKindValues
{
    /// <summary>Numbers no <c>int</c>/<c>long</c> holds (and, for the exponents, no <c>double</c> either).</summary>
    public static IReadOnlyList<string> OutOfRangeNumbers { get; } =
        ["1e400", "-1e400", "123456789012345678901234567890", "-123456789012345678901234567890", "9223372036854775808", "2147483648", "1.5", "1E+400"];

    private static readonly string[] ForString = ["12", "true", "{}", "[1,2]", "{\"k\":\"v\"}", "-0.5"];
    private static readonly string[] ForNumber = ["\"12\"", "true", "{}", "[]", "\"abc\"", "[1]"];
    private static readonly string[] ForBoolean = ["1", "\"true\"", "{}", "[]"];
    private static readonly string[] ForContainer = ["\"text\"", "42", "true", "1e400"];
    private static readonly string[] ForInteger = ["\"12\"", "true", "{}", "[]", "1e400", "-1e400", "123456789012345678901234567890", "1.5"];
    private static readonly string[] ForDouble = ["\"1.5\"", "true", "{}", "[]", "1e400", "-1e400"];

    /// <summary>Values of another JSON kind than <paramref name="kind"/>.</summary>
    public static IReadOnlyList<string> ForJsonKind(JsonTokenType kind) => kind switch
    {
        JsonTokenType.String => ForString,
        JsonTokenType.Number => ForNumber,
        JsonTokenType.True or JsonTokenType.False => ForBoolean,
        _ => ForContainer,
    };

    /// <summary>
    /// Values a property of CLR type <paramref name="type"/> cannot hold: another kind, or a number out of its range
    /// (a fraction for an integer, more digits than it has, an exponent past <c>double.MaxValue</c>); null for a type
    /// this fuzzing does not target.
    /// </summary>
    public static IReadOnlyList<string>? ForClrType(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => ForString,
        var t when t == typeof(bool) => ForBoolean,
        var t when t == typeof(int) => [.. ForInteger, "2147483648", "-2147483649"],
        var t when t == typeof(long) => [.. ForInteger, "9223372036854775808", "-9223372036854775809"],
        var t when t == typeof(double) => ForDouble,
        var t when t == typeof(float) => [.. ForDouble, "1e39"],
        var t when t == typeof(decimal) => [.. ForDouble, "123456789012345678901234567890123"],
        _ => null,
    };
}
