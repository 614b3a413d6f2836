using System.Text;

namespace Nebius.Testing.Snapshots;

/// <summary>A small line diff (common prefix and suffix trimmed, LCS on the rest) printed in unified format.</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;
    private const int MaxLines = 400;

    public static string Create(string expected, string actual, string expectedName, string actualName)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var edits = Edits(a, b);
        var output = new StringBuilder().Append("--- ").AppendLine(expectedName).Append("+++ ").AppendLine(actualName);
        var printed = 0;
        for (var i = 0; i < edits.Count && printed < MaxLines;)
        {
            if (edits[i].Kind == ' ')
            {
                i++;
                continue;
            }

            var start = Math.Max(0, i - Context);
            var end = i;
            while (end < edits.Count && (edits[end].Kind != ' ' || NextChangeWithin(edits, end, Context * 2)))
            {
                end++;
            }

            end = Math.Min(edits.Count, end + Context);
            output.Append("@@ -").Append(edits[start].OldLine + 1).Append(" +").Append(edits[start].NewLine + 1).AppendLine(" @@");
            for (var k = start; k < end && printed < MaxLines; k++, printed++)
            {
                output.Append(edits[k].Kind).AppendLine(edits[k].Text);
            }

            i = end;
        }

        return printed >= MaxLines ? output.AppendLine("… (diff truncated)").ToString() : output.ToString();
    }

    private static bool NextChangeWithin(List<Edit> edits, int from, int distance)
    {
        for (var k = from; k < edits.Count && k <= from + distance; k++)
        {
            if (edits[k].Kind != ' ')
            {
                return true;
            }
        }

        return false;
    }

    private static List<Edit> Edits(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<Edit>();
        for (var k = 0; k < prefix; k++)
        {
            edits.Add(new Edit(' ', a[k], k, k));
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[prefix + x] == b[prefix + y])
            {
                edits.Add(new Edit(' ', a[prefix + x], prefix + x++, prefix + y++));
            }
            else if (y < m && (x == n || lcs[x, y + 1] > lcs[x + 1, y]))
            {
                edits.Add(new Edit('+', b[prefix + y], prefix + x, prefix + y++));
            }
            else
            {
                edits.Add(new Edit('-', a[prefix + x], prefix + x++, prefix + y));
            }
        }

        for (var k = 0; k < suffix; k++)
        {
            edits.Add(new Edit(' ', a[a.Length - suffix + k], a.Length - suffix + k, b.Length - suffix + k));
        }

        return edits;
    }

    private readonly record struct Edit(char Kind, string Text, int OldLine, int NewLine);
}
