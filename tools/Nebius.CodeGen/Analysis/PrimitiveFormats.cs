namespace Nebius.CodeGen.Analysis;

/// <summary>Which C# primitive a JSON Schema <c>type</c> and <c>format</c> become, as in Kiota's C# mapping.</summary>
internal static class PrimitiveFormats
{
    public static PrimitiveRef For(string type, string? format) => new(type switch
    {
        "string" => format switch
        {
            "date-time" => PrimitiveKind.DateTimeOffset,
            "date" => PrimitiveKind.Date,
            "time" => PrimitiveKind.Time,
            "duration" => PrimitiveKind.TimeSpan,
            "uuid" => PrimitiveKind.Guid,
            "byte" or "base64url" => PrimitiveKind.Bytes,
            "binary" => PrimitiveKind.Binary,
            _ => PrimitiveKind.String,
        },
        // Deviation from Kiota: only int64 becomes long there too, but we ask the spec to mark every
        // integer that can pass 2^31 (bytes, timestamps, token counts) as int64.
        "integer" => format == "int64" ? PrimitiveKind.Long : PrimitiveKind.Int,
        "number" => format switch
        {
            "float" => PrimitiveKind.Float,
            "decimal" => PrimitiveKind.Decimal,
            "int64" => PrimitiveKind.Long,
            "int32" => PrimitiveKind.Int,
            _ => PrimitiveKind.Double,
        },
        "boolean" => PrimitiveKind.Boolean,
        _ => PrimitiveKind.Untyped,
    });
}
