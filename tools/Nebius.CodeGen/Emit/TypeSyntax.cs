using Nebius.CodeGen.Analysis;

namespace Nebius.CodeGen.Emit;

/// <summary>How each <see cref="TypeRef"/> is spelled, read from a parse node and written to a serialization writer.</summary>
internal static class TypeSyntax
{
    /// <summary>The C# type without the trailing nullable marker.</summary>
    public static string Declared(TypeRef type) => type switch
    {
        PrimitiveRef p => Primitive(p.Kind),
        NamedRef n => n.Type.FullName,
        ArrayRef a => $"List<{Element(a.Item)}>",
        _ => "UntypedNode",
    };

    /// <summary>An element type inside a list: value types and enums carry <c>?</c> as in Kiota.</summary>
    public static string Element(TypeRef item) => item switch
    {
        PrimitiveRef { Kind: PrimitiveKind.String or PrimitiveKind.Untyped } p => Primitive(p.Kind),
        PrimitiveRef { Kind: PrimitiveKind.Bytes or PrimitiveKind.Binary } => "string",
        PrimitiveRef p => Primitive(p.Kind) + "?",
        NamedRef { Type: EnumType } n => n.Type.FullName + "?",
        NamedRef n => n.Type.FullName,
        _ => "UntypedNode",
    };

    public static string Nullable(TypeRef type) => Declared(type) + "?";

    public static string Primitive(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.String => "string",
        PrimitiveKind.Boolean => "bool",
        PrimitiveKind.Int => "int",
        PrimitiveKind.Long => "long",
        PrimitiveKind.Double => "double",
        PrimitiveKind.Float => "float",
        PrimitiveKind.Decimal => "decimal",
        PrimitiveKind.DateTimeOffset => "DateTimeOffset",
        PrimitiveKind.Guid => "Guid",
        PrimitiveKind.Date => "Date",
        PrimitiveKind.Time => "Time",
        PrimitiveKind.TimeSpan => "TimeSpan",
        PrimitiveKind.Bytes or PrimitiveKind.Binary => "byte[]",
        _ => "UntypedNode",
    };

    /// <summary>The expression that reads a value of <paramref name="type"/> from parse node <paramref name="node"/>.</summary>
    public static string Read(TypeRef type, string node) => type switch
    {
        PrimitiveRef { Kind: PrimitiveKind.Untyped } => $"{node}.GetObjectValue<UntypedNode>(UntypedNode.CreateFromDiscriminatorValue)",
        PrimitiveRef p => $"{node}.{PrimitiveGetter(p.Kind)}()",
        NamedRef { Type: EnumType e } => $"{node}.GetEnumValue<{e.FullName}>()",
        NamedRef n => $"{node}.GetObjectValue<{n.Type.FullName}>({n.Type.FullName}.CreateFromDiscriminatorValue)",
        ArrayRef { Item: NamedRef { Type: EnumType e } } => $"{node}.GetCollectionOfEnumValues<{e.FullName}>()?.AsList()",
        ArrayRef { Item: NamedRef n } => $"{node}.GetCollectionOfObjectValues<{n.Type.FullName}>({n.Type.FullName}.CreateFromDiscriminatorValue)?.AsList()",
        ArrayRef { Item: PrimitiveRef { Kind: PrimitiveKind.Untyped } } => $"{node}.GetCollectionOfObjectValues<UntypedNode>(UntypedNode.CreateFromDiscriminatorValue)?.AsList()",
        ArrayRef a => $"{node}.GetCollectionOfPrimitiveValues<{Element(a.Item)}>()?.AsList()",
        _ => throw new InvalidOperationException($"cannot read {type}"),
    };

    /// <summary>The statement that writes <paramref name="value"/> under <paramref name="key"/> (a C# expression, may be <c>null</c>).</summary>
    public static string Write(TypeRef type, string key, string value) => type switch
    {
        PrimitiveRef { Kind: PrimitiveKind.Untyped } => $"writer.WriteObjectValue<UntypedNode>({key}, {value});",
        PrimitiveRef p => $"writer.{PrimitiveWriter(p.Kind)}({key}, {value});",
        NamedRef { Type: EnumType e } => $"writer.WriteEnumValue<{e.FullName}>({key}, {value});",
        NamedRef n => $"writer.WriteObjectValue<{n.Type.FullName}>({key}, {value});",
        ArrayRef { Item: NamedRef { Type: EnumType e } } => $"writer.WriteCollectionOfEnumValues<{e.FullName}>({key}, {value});",
        ArrayRef { Item: NamedRef n } => $"writer.WriteCollectionOfObjectValues<{n.Type.FullName}>({key}, {value});",
        ArrayRef { Item: PrimitiveRef { Kind: PrimitiveKind.Untyped } } => $"writer.WriteCollectionOfObjectValues<UntypedNode>({key}, {value});",
        ArrayRef a => $"writer.WriteCollectionOfPrimitiveValues<{Element(a.Item)}>({key}, {value});",
        _ => throw new InvalidOperationException($"cannot write {type}"),
    };

    private static string PrimitiveGetter(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.String => "GetStringValue",
        PrimitiveKind.Boolean => "GetBoolValue",
        PrimitiveKind.Int => "GetIntValue",
        PrimitiveKind.Long => "GetLongValue",
        PrimitiveKind.Double => "GetDoubleValue",
        PrimitiveKind.Float => "GetFloatValue",
        PrimitiveKind.Decimal => "GetDecimalValue",
        PrimitiveKind.DateTimeOffset => "GetDateTimeOffsetValue",
        PrimitiveKind.Guid => "GetGuidValue",
        PrimitiveKind.Date => "GetDateValue",
        PrimitiveKind.Time => "GetTimeValue",
        PrimitiveKind.TimeSpan => "GetTimeSpanValue",
        _ => "GetByteArrayValue",
    };

    private static string PrimitiveWriter(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.String => "WriteStringValue",
        PrimitiveKind.Boolean => "WriteBoolValue",
        PrimitiveKind.Int => "WriteIntValue",
        PrimitiveKind.Long => "WriteLongValue",
        PrimitiveKind.Double => "WriteDoubleValue",
        PrimitiveKind.Float => "WriteFloatValue",
        PrimitiveKind.Decimal => "WriteDecimalValue",
        PrimitiveKind.DateTimeOffset => "WriteDateTimeOffsetValue",
        PrimitiveKind.Guid => "WriteGuidValue",
        PrimitiveKind.Date => "WriteDateValue",
        PrimitiveKind.Time => "WriteTimeValue",
        PrimitiveKind.TimeSpan => "WriteTimeSpanValue",
        _ => "WriteByteArrayValue",
    };

    /// <summary>The type as written in the surface listing: the C# spelling without <c>global::</c>.</summary>
    public static string Surface(string csharp) => csharp.Replace("global::", string.Empty, StringComparison.Ordinal);
}
