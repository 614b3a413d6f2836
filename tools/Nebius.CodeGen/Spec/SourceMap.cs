namespace Nebius.CodeGen.Spec;

/// <summary>Where each JSON pointer of the converted document came from in the YAML file.</summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);

    internal void Record(string pointer, int line, int column) => _positions[pointer] = (line, column);

    /// <summary>
    /// The position of <paramref name="pointer"/>, or of its nearest ancestor that has one
    /// (validators sometimes point below the deepest node the YAML has).
    /// </summary>
    public (int Line, int Column) Locate(string pointer)
    {
        var current = Normalize(pointer);
        while (true)
        {
            if (_positions.TryGetValue(current, out var position))
            {
                return position;
            }

            var cut = current.LastIndexOf('/');
            if (cut <= 0)
            {
                return (1, 1);
            }

            current = current[..cut];
        }
    }

    private static string Normalize(string pointer)
    {
        var trimmed = pointer.StartsWith('#') ? pointer[1..] : pointer;
        return trimmed.Length == 0 ? "/" : trimmed;
    }
}
