using System.Text.Json.Nodes;
using Nebius.CodeGen.Spec;

namespace Nebius.CodeGen.Analysis;

/// <summary>
/// Follows local <c>$ref</c>s (<c>#/…</c>) through the spec: a path item, parameter, request body or response
/// may be a reference to a component, and that component may be a reference in turn.
/// </summary>
internal sealed class ReferenceFollower(JsonObject root)
{
    // A chain longer than this is a cycle (a → b → a) or nothing a real spec needs: it is reported rather
    // than followed forever.
    private const int MaxHops = 16;

    /// <summary>The object at the end of the reference chain that starts at <paramref name="node"/> (the node itself when it is no reference).</summary>
    /// <param name="node">The object that may be a reference.</param>
    /// <param name="pointer">Where <paramref name="node"/> is, for error messages.</param>
    /// <param name="resolvedPointer">Where the returned object is.</param>
    public JsonObject Follow(JsonObject node, string pointer, out string resolvedPointer)
    {
        resolvedPointer = pointer;
        var current = node;
        for (var hops = 0; current.Str("$ref") is { } reference; hops++)
        {
            if (hops > MaxHops || !reference.StartsWith("#/", StringComparison.Ordinal))
            {
                throw new SpecException(resolvedPointer, $"unsupported or circular reference '{reference}'");
            }

            JsonNode? target = root;
            foreach (var segment in reference[2..].Split('/'))
            {
                target = target is JsonObject obj && obj.TryGetPropertyValue(Unescape(segment), out var child) ? child : null;
            }

            current = target as JsonObject ?? throw new SpecException(resolvedPointer.Child("$ref"), $"reference '{reference}' does not resolve");
            resolvedPointer = "#" + reference[1..];
        }

        return current;
    }

    /// <summary>A JSON pointer segment unescaped (RFC 6901: <c>~1</c> is '/', then <c>~0</c> is '~', in that order so <c>~01</c> stays <c>~1</c>).</summary>
    public static string Unescape(string segment) =>
        segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
