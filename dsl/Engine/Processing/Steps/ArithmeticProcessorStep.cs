using GrokFlow.Language.Model.Processors;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// <c>arithmetic-processor</c>: evaluates the expression (<see cref="ArithmeticProgram"/>) and writes the result to
/// the target, replacing it. The result is rounded to 9 decimals; an integral result is written as an integer
/// (<c>5</c>, not <c>5.0</c>), others as doubles. A failed evaluation changes nothing.
/// </summary>
public sealed class ArithmeticProcessorStep(ArithmeticProcessorModel model) : IStepExecutor
{
    /// <summary>Integral doubles below 2^53 are exact integers.</summary>
    private const double MaxExactInteger = 9007199254740992d;

    private readonly ArithmeticProgram _program = new(model.Parsed);
    private readonly AttributePath _target = new(model.Target);

    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome)
    {
        if (!_program.TryEvaluate(document, model.ReplaceMissing, out var result)) return;
        var rounded = Math.Round(result, 9, MidpointRounding.AwayFromZero);
        var target = document.GetOrCreate(_target);
        if (rounded == Math.Floor(rounded) && Math.Abs(rounded) < MaxExactInteger) document.SetInteger(target, (long)rounded);
        else document.SetDouble(target, rounded);
    }
}
