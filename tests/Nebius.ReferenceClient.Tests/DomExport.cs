using System.Text;
using System.Text.RegularExpressions;

namespace Nebius.ReferenceClient.Tests;

/// <summary>One line of a public-surface listing, normalized, with the type that declares it.</summary>
internal sealed record SurfaceLine(string Type, string Text);

/// <summary>
/// Reads a <c>kiota-dom-export.txt</c> (Kiota's public-API listing; our generator writes the same format) into
/// lines that compare across the two generators. Undone are the listing's spelling quirks and what says nothing
/// about the surface: Kiota writes a declaring type, a member, an indexer parameter or an enum member with a
/// lower-case first letter (<c>v1RequestBuilder::|public|chat</c>), prefixes <c>global.</c>, leaves out
/// <c>Task&lt;…&gt;</c> and nullable reference annotations; ours writes <c>Task&lt;X?&gt;</c> and <c>string?</c>. The
/// root namespace and client class are put into ours, and every name from the spec goes through
/// the rename function (<see cref="KiotaNaming.OursFor"/> for the stock listing).
/// </summary>
internal static partial class DomExport
{
    public static List<SurfaceLine> Read(string path, string rootNamespace, string clientClass, string ourRootNamespace, string ourClientClass, Func<string, string> rename) =>
        [.. File.ReadLines(path)
            .Where(l => l.Length > 0)
            .Select(l => Normalize(l, rootNamespace, clientClass, ourRootNamespace, ourClientClass, rename))];

    public static SurfaceLine Normalize(string line, string rootNamespace, string clientClass, string ourRootNamespace, string ourClientClass, Func<string, string> rename)
    {
        var text = UnwrapTask(line.Replace("global.", "", StringComparison.Ordinal));
        text = NullableType().Replace(text, "");
        text = Regex.Replace(text, @"(?<![\w.])" + Regex.Escape(rootNamespace) + @"((?:\.[A-Za-z_]\w*)+)", match =>
        {
            var segments = match.Groups[1].Value.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(Upper).ToArray();
            var renamed = segments.Select((s, i) => i == 0 && s == clientClass ? ourClientClass : rename(s));
            return ourRootNamespace + "." + string.Join('.', renamed);
        });
        var separator = Separator().Match(text);
        var type = text[..separator.Index];
        var rest = text[separator.Index..];
        if (rest.StartsWith("::", StringComparison.Ordinal))
        {
            // The member's own name: after the modifiers (|public|static|), inside an indexer's [ ], or after an enum member's 0000-.
            // An indexer's parameter is the path parameter's wire name (batch_id): never renamed.
            rest = MemberName().Replace(rest, m => m.Groups[1].Value + (m.Groups[1].Value == "::[" ? Upper(m.Groups[2].Value) : rename(Upper(m.Groups[2].Value))), 1);
        }

        return new SurfaceLine(type, type + rest);
    }

    private static string Upper(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    private static string UnwrapTask(string text)
    {
        for (var start = text.IndexOf("Task<", StringComparison.Ordinal); start >= 0; start = text.IndexOf("Task<", StringComparison.Ordinal))
        {
            var depth = 0;
            var end = start + 4;
            for (; end < text.Length; end++)
            {
                depth += text[end] switch { '<' => 1, '>' => -1, _ => 0 };
                if (depth == 0)
                {
                    break;
                }
            }

            text = new StringBuilder(text).Remove(end, 1).Remove(start, 5).ToString();
        }

        return text;
    }

    /// <summary>A <c>?</c> that ends a type (not the one of an optional parameter, which precedes its colon).</summary>
    [GeneratedRegex(@"\?(?=[>;),\]]|$)")]
    private static partial Regex NullableType();

    [GeneratedRegex("::|-->|~~>")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(::(?:\|[a-z]+)*\||::\[|::\d{4}-)([A-Za-z_]\w*)")]
    private static partial Regex MemberName();
}
