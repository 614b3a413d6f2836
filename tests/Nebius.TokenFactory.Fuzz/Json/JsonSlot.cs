using System.Text.Json;

namespace Nebius.TokenFactory.Fuzz.Json;

/// <summary>
/// One value in a JSON document, located by byte offsets so a mutation can replace exactly its bytes and leave
/// the rest of the document as it was.
/// </summary>
/// <param name="Path">Property names (string) and array indices (int) from the root to the value; empty for the root.</param>
/// <param name="Kind">The value's first token: a scalar's kind, or <c>StartObject</c>/<c>StartArray</c>.</param>
/// <param name="Start">The offset of the value's first byte.</param>
/// <param name="End">The offset just past its last byte.</param>
internal sealed record JsonSlot(IReadOnlyList<object> Path, JsonTokenType Kind, int Start, int End)
{
    /// <summary>The property name the value belongs to; null for an array element or the root.</summary>
    public string? Name => Path.Count > 0 ? Path[^1] as string : null;

    /// <summary>Whether the value is a string, a number, true or false (null is no wrong kind of anything).</summary>
    public bool IsScalar => Kind is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False;

    /// <summary>The path in the usual notation, e.g. <c>$.choices[0].message.content</c>.</summary>
    public string PathText => "$" + string.Concat(Path.Select(s => s is int i ? $"[{i}]" : "." + s));

    public override string ToString() => $"{PathText} ({Kind}, bytes {Start}..{End})";
}
