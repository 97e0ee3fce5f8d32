using System.Text;
using GrokFlow.Engine.Pipelines;

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
