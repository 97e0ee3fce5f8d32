using System.Text;

namespace GrokFlow.Generator.Emit;

/// <summary>An indenting text writer for generated C#.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public CodeWriter(int indent = 0) => _indent = indent;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0) _text.Append(' ', _indent * 4).Append(line);
        _text.Append('\n');
        return this;
    }

    public CodeWriter Lines(IEnumerable<string> lines) => lines.Aggregate(this, (w, line) => w.Line(line));

    public CodeWriter Comment(string comment) => Lines(comment.Replace("\r", "").Split('\n').Select(line => "// " + line));

    public CodeWriter Open(string line)
    {
        Line(line).Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public override string ToString() => _text.ToString();
}
