namespace Nebius.CodeGen.Spec;

/// <summary>One error found in the spec, with the JSON pointer it concerns.</summary>
public sealed record SpecDiagnostic(string Pointer, string Message);

/// <summary>The spec failed validation; every error found is listed.</summary>
public sealed class SpecValidationException(IReadOnlyList<SpecDiagnostic> diagnostics)
    : Exception($"The OpenAPI document has {diagnostics.Count} error(s).")
{
    public IReadOnlyList<SpecDiagnostic> Diagnostics { get; } = diagnostics;
}
