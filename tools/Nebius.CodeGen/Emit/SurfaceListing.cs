namespace Nebius.CodeGen.Emit;

/// <summary>
/// The generated public surface, one line per type and member in the style of Kiota's
/// kiota-dom-export.txt (<c>Ns.Class::|public|Prop:Type</c>, <c>Ns.Class--&gt;Base</c>, <c>Ns.Enum::0000-Member</c>).
/// </summary>
public sealed class SurfaceListing
{
    private readonly List<string> _lines = [];

    public void Member(string typeName, string member) => _lines.Add($"{typeName}::{member}");

    public void Inherits(string typeName, string baseType) => _lines.Add($"{typeName}-->{TypeSyntax.Surface(baseType)}");

    public void Implements(string typeName, IEnumerable<string> interfaces) => _lines.Add($"{typeName}~~>{string.Join("; ", interfaces)}");

    /// <summary>Sorted case-insensitively, ties broken ordinally, so the listing is stable.</summary>
    public override string ToString() =>
        string.Join('\n', _lines.Distinct(StringComparer.Ordinal).Order(StringComparer.OrdinalIgnoreCase).ThenBy(l => l, StringComparer.Ordinal)) + "\n";
}
