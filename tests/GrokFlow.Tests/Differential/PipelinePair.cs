using System.Text;
using GrokFlow.Dsl.Runtime;

namespace GrokFlow.Tests.Differential;

/// <summary>
/// A generated pipeline and the interpreter of the same rules, run side by side on a line. The step budget is a policy
/// the interpreter (a time-out) does not share, so a line over the generated parser's default budget is parsed again
/// with a far larger one: the outputs are compared on what the rules mean, and budget hits are counted apart.
/// </summary>
public sealed class PipelinePair(IGrokPipeline generated, IGrokPipeline interpreted, TimeProvider clock)
{
    private const int GenerousStepBudget = 200_000_000;

    public string Id => generated.Id;

    /// <summary>Both outputs for <paramref name="line"/>.</summary>
    public Comparison Compare(string line) => Compare(Encoding.UTF8.GetBytes(line));

    /// <inheritdoc cref="Compare(string)"/>
    public Comparison Compare(byte[] line)
    {
        var fromGenerated = ParsedLine.Of(generated, line, new ParseContext(clock));
        var overDefaultBudget = fromGenerated.Status == GrokStatus.BudgetExceeded;
        if (overDefaultBudget)
            fromGenerated = ParsedLine.Of(generated, line, new ParseContext(clock, GenerousStepBudget));
        var fromInterpreter = ParsedLine.Of(interpreted, line, new ParseContext(clock));
        return new Comparison(Id, line, fromGenerated, fromInterpreter, overDefaultBudget);
    }
}

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
