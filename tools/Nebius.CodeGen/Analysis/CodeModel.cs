namespace Nebius.CodeGen.Analysis;

/// <summary>How a C# type is spelled and handled; the result of resolving a schema.</summary>
public abstract record TypeRef;

/// <summary>A primitive (string, number, ...), a binary payload or free-form JSON.</summary>
public sealed record PrimitiveRef(PrimitiveKind Kind) : TypeRef;

/// <summary>A generated model, enum or union wrapper.</summary>
public sealed record NamedRef(CodeType Type) : TypeRef;

/// <summary>A JSON array.</summary>
public sealed record ArrayRef(TypeRef Item) : TypeRef;

public enum PrimitiveKind
{
    String,
    Boolean,
    Int,
    Long,
    Double,
    Float,
    Decimal,
    DateTimeOffset,
    Guid,
    Date,
    Time,
    TimeSpan,
    Bytes,
    Binary,
    Untyped,
}

/// <summary>A generated type: its namespace, name, description and where it was declared.</summary>
public abstract class CodeType(string ns, string name, string pointer)
{
    public string Namespace { get; } = ns;

    public string Name { get; } = name;

    /// <summary>The JSON pointer of the schema this type comes from.</summary>
    public string Pointer { get; } = pointer;

    public string? Description { get; set; }

    public string FullName => $"global::{Namespace}.{Name}";

    public string DottedName => $"{Namespace}.{Name}";
}

/// <summary>An object schema: a class implementing IParsable (and IAdditionalDataHolder when open).</summary>
public sealed class ModelType(string ns, string name, string pointer) : CodeType(ns, name, pointer)
{
    public List<ModelProperty> Properties { get; } = [];

    public ModelType? Base { get; set; }

    public bool AdditionalData { get; set; } = true;

    /// <summary>An error type: an error response body or in the line of one (see <see cref="ErrorTypes"/>); the root of the line derives from ApiException.</summary>
    public bool IsError { get; set; }

    /// <summary>For a base class with subtypes: the discriminator property and its mapping.</summary>
    public string? DiscriminatorProperty { get; set; }

    public SortedDictionary<string, ModelType> DiscriminatorMapping { get; } = new(StringComparer.Ordinal);

    /// <summary>The wire name of the property whose value is the exception message (x-ms-primary-error-message).</summary>
    public string? PrimaryErrorMessageProperty { get; set; }

    public bool Deprecated { get; set; }
}

public sealed class ModelProperty(string wireName, string name, TypeRef type)
{
    public string WireName { get; } = wireName;

    public string Name { get; set; } = name;

    public TypeRef Type { get; } = type;

    /// <summary>The spec allows JSON null for this property (null and absent are then tracked apart).</summary>
    public bool Nullable { get; init; }

    public bool ReadOnly { get; init; }

    public bool Required { get; init; }

    public bool Deprecated { get; init; }

    public string? Description { get; init; }

    /// <summary>A string default or const value, assigned in the constructor.</summary>
    public string? DefaultValue { get; init; }

    /// <summary>Known values of an open enum (a string that also accepts other values).</summary>
    public IReadOnlyList<string>? KnownValues { get; init; }
}

/// <summary>A closed string enum.</summary>
public sealed class EnumType(string ns, string name, string pointer) : CodeType(ns, name, pointer)
{
    public List<EnumMember> Members { get; } = [];
}

public sealed record EnumMember(string Name, string Value);

/// <summary>A oneOf/anyOf: a wrapper with one property per member type.</summary>
public sealed class UnionType(string ns, string name, string pointer) : CodeType(ns, name, pointer)
{
    public List<UnionMember> Members { get; } = [];

    /// <summary>The discriminator property, from the spec or from a const/default field shared by the object members.</summary>
    public string? DiscriminatorProperty { get; set; }

    public SortedDictionary<string, ModelType> DiscriminatorMapping { get; } = new(StringComparer.Ordinal);
}

public sealed record UnionMember(string Name, TypeRef Type);
