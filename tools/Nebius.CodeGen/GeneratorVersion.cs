namespace Nebius.CodeGen;

/// <summary>
/// Who wrote the generated files, as their <c>[GeneratedCode]</c> attribute says. The version is fixed by hand,
/// never a build or commit number, so that the same spec still gives byte-identical files; it changes when, and
/// only when, the generator's output changes (<c>GeneratorFingerprintTests</c> fails when the output of the
/// checked-in spec changes under an unchanged version).
/// </summary>
internal static class GeneratorVersion
{
    public const string Name = "Nebius.CodeGen";

    public const string Value = "2.2.0";
}
