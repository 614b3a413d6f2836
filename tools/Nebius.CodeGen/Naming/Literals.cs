using System.Text;

namespace Nebius.CodeGen.Naming;

/// <summary>
/// Escaping for every spec-derived string written into generated code or XML docs, so that no spec
/// content can break out of a literal or a comment (Kiota added the same after v1.31).
/// </summary>
public static class Literals
{
    /// <summary>A C# regular string literal, quotes included.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Text for an XML doc comment: one line, whitespace collapsed, XML-escaped.</summary>
    public static string Doc(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var collapsed = string.Join(' ', text.Split((char[])[' ', '\t', '\r', '\n', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries));
        return System.Security.SecurityElement.Escape(collapsed) ?? string.Empty;
    }
}
