using Nebius.CodeGen.Analysis;

namespace Nebius.CodeGen.Tests.Analysis;

/// <summary>The <c>type</c> and <c>format</c> pairs and the C# primitive each becomes.</summary>
public sealed class PrimitiveFormatsTests
{
    [Theory]
    [InlineData("string", null, PrimitiveKind.String)]
    [InlineData("string", "email", PrimitiveKind.String)]
    [InlineData("string", "date-time", PrimitiveKind.DateTimeOffset)]
    [InlineData("string", "date", PrimitiveKind.Date)]
    [InlineData("string", "time", PrimitiveKind.Time)]
    [InlineData("string", "duration", PrimitiveKind.TimeSpan)]
    [InlineData("string", "uuid", PrimitiveKind.Guid)]
    [InlineData("string", "byte", PrimitiveKind.Bytes)]
    [InlineData("string", "base64url", PrimitiveKind.Bytes)]
    [InlineData("string", "binary", PrimitiveKind.Binary)]
    [InlineData("integer", null, PrimitiveKind.Int)]
    [InlineData("integer", "int32", PrimitiveKind.Int)]
    [InlineData("integer", "int64", PrimitiveKind.Long)]
    [InlineData("number", null, PrimitiveKind.Double)]
    [InlineData("number", "double", PrimitiveKind.Double)]
    [InlineData("number", "float", PrimitiveKind.Float)]
    [InlineData("number", "decimal", PrimitiveKind.Decimal)]
    [InlineData("number", "int64", PrimitiveKind.Long)]
    [InlineData("number", "int32", PrimitiveKind.Int)]
    [InlineData("boolean", null, PrimitiveKind.Boolean)]
    [InlineData("boolean", "int64", PrimitiveKind.Boolean)]
    [InlineData("object", null, PrimitiveKind.Untyped)]
    [InlineData("something-else", "uuid", PrimitiveKind.Untyped)]
    public void Each_type_and_format_has_its_primitive(string type, string? format, PrimitiveKind expected) =>
        Assert.Equal(new PrimitiveRef(expected), PrimitiveFormats.For(type, format));
}
