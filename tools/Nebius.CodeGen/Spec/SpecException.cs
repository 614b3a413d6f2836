namespace Nebius.CodeGen.Spec;

/// <summary>A problem in the OpenAPI document, located by JSON pointer (and by line once mapped).</summary>
public sealed class SpecException(string pointer, string message) : Exception(message)
{
    /// <summary>The JSON pointer of the offending node, e.g. <c>#/paths/~1v1~1files/get</c>.</summary>
    public string Pointer { get; } = pointer;
}
