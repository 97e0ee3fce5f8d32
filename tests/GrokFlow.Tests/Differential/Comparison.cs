using System.Text;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Tests.Differential;

/// <summary>
/// The generated parser's and the interpreter's output for one line, and whether the generated parser needed more than
/// the default step budget.
/// </summary>
public sealed record Comparison(string PipelineId, byte[] Line, ParsedLine Generated, ParsedLine Interpreted, bool OverDefaultBudget)
{
    public bool Agree => Generated.SameAs(Interpreted);

    public bool Matched => Agree && Generated.Status == GrokStatus.Matched;

    public override string ToString() =>
        $"pipeline {PipelineId}, line {Quote(Encoding.UTF8.GetString(Line))}\n  generated:   {Generated}\n  interpreter: {Interpreted}";

    /// <summary>The line as a C# string literal, short enough to read.</summary>
    public static string Quote(string line)
    {
        var shown = line.Length > 300 ? line[..300] + $"... ({line.Length} chars)" : line;
        var sb = new StringBuilder("\"");
        foreach (var c in shown)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || char.IsSurrogate(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }
}
