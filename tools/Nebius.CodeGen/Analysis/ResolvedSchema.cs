namespace Nebius.CodeGen.Analysis;

/// <summary>What a schema means for C#: its type plus the facts that matter to a property.</summary>
public sealed record ResolvedSchema(TypeRef Type)
{
    public bool Nullable { get; init; }

    public string? Description { get; init; }

    public string? DefaultValue { get; init; }

    public IReadOnlyList<string>? KnownValues { get; init; }

    public bool ReadOnly { get; init; }

    public bool Deprecated { get; init; }
}

/// <summary>Where an inline type would be declared and what it would be called.</summary>
public sealed record NameHint(string Namespace, string Name, string? ComponentName = null);
