using System.Globalization;
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

    /// <summary>Beyond this a double has no decimals left to round.</summary>
    private const double DecimalRoundingLimit = 1e15;

    /// <summary>
    /// Rounds the double's shortest round-trip text to 9 decimals, in decimal. Math.Round(double, 9) scales by 10^9 and
    /// so loses the last digits of large values (1726135185 * 1000 would become 1726135185000.0002), and a cast to
    /// decimal keeps only 15 significant digits (1755017456.590666 * 1000 would become 1755017456590.67); the text
    /// holds all of them, and decimal holds 28.
    /// </summary>
    private static double RoundToNineDecimals(double value)
    {
        if (!double.IsFinite(value) || Math.Abs(value) >= DecimalRoundingLimit) return value;
        Span<byte> text = stackalloc byte[32];
        if (!value.TryFormat(text, out var length, "R", CultureInfo.InvariantCulture) ||
            !decimal.TryParse(text[..length], NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
            return value;
        return (double)Math.Round(exact, 9, MidpointRounding.AwayFromZero);
    }

    private readonly ArithmeticProgram _program = new(model.Parsed);
    private readonly AttributePath _target = new(model.Target);

    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome)
    {
        if (!_program.TryEvaluate(document, model.ReplaceMissing, out var result)) return;
        var rounded = RoundToNineDecimals(result);
        var target = document.GetOrCreate(_target);
        if (rounded == Math.Floor(rounded) && Math.Abs(rounded) < MaxExactInteger) document.SetInteger(target, (long)rounded);
        else document.SetDouble(target, rounded);
    }
}
