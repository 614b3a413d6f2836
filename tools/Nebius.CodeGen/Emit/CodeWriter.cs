using System.Text;

namespace Nebius.CodeGen.Emit;

/// <summary>Builds a C# file with four-space indentation and LF line endings (byte-identical across runs).</summary>
public sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4).Append(line);
        }

        _text.Append('\n');
        return this;
    }

    public CodeWriter Open(string line)
    {
        Line(line);
        return OpenBlock();
    }

    /// <summary>Writes <c>{</c> and indents what follows.</summary>
    public CodeWriter OpenBlock()
    {
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>A summary doc comment; nothing when there is no text.</summary>
    public CodeWriter Summary(string? docText)
    {
        if (!string.IsNullOrEmpty(docText))
        {
            Line($"/// <summary>{docText}</summary>");
        }

        return this;
    }

    public override string ToString() => _text.ToString();
}
