using GrokFlow.Language.Compilation;
using GrokFlow.Language.Diagnostics;

namespace GrokFlow.Language.Model.Processors;

/// <summary>
/// <c>arithmetic-processor</c>: evaluates <see cref="Expression"/> (as written; <see cref="Parsed"/> is its checked
/// tree) and writes the result to <see cref="Target"/>. A missing or non-numeric attribute skips the processor, or
/// counts as 0 with <see cref="ReplaceMissing"/>.
/// </summary>
public sealed record ArithmeticProcessorModel(string Expression, ArithmeticNode Parsed, string Target, bool ReplaceMissing, string? Name, bool Enabled, int Line)
    : StepModel("arithmetic-processor", Name, Enabled, Line)
{
    internal static readonly ProcessorDescriptor Descriptor = new("arithmetic-processor",
        [new("expression", DatadogSettingKind.Text), DatadogSetting.Target, DatadogSetting.ReplaceMissing], Compile);

    private static ArithmeticProcessorModel Compile(ProcessorSettings s)
    {
        var expression = s.String("expression") ?? "0";
        var parsed = ArithmeticExpressionParser.Parse(expression, out var error, out var column);
        if (parsed is null)
        {
            var at = s.All("expression").First().Span;
            s.Error(DiagnosticCodes.BadExpression, $"invalid arithmetic expression at character {column + 1}: {error}", at);
        }
        return new ArithmeticProcessorModel(expression, parsed ?? new ArithmeticNumber(0), s.String("target") ?? "",
            s.Bool("is_replace_missing") ?? false, s.Processor.Name, s.Enabled, s.Processor.Span.Line);
    }
}

/// <summary>A node of an arithmetic expression.</summary>
public abstract record ArithmeticNode;

/// <summary>A number literal.</summary>
public sealed record ArithmeticNumber(double Value) : ArithmeticNode;

/// <summary>An attribute, by dotted path.</summary>
public sealed record ArithmeticAttribute(string Path) : ArithmeticNode;

/// <summary><c>left op right</c> with <see cref="Operator"/> one of <c>+ - * /</c>.</summary>
public sealed record ArithmeticBinary(char Operator, ArithmeticNode Left, ArithmeticNode Right) : ArithmeticNode;

/// <summary><c>-operand</c>.</summary>
public sealed record ArithmeticNegate(ArithmeticNode Operand) : ArithmeticNode;
