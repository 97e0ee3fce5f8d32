namespace GrokFlow.Language.Model.Processors;

/// <summary>
/// <c>arithmetic-processor</c>: evaluates <see cref="Expression"/> (as written; <see cref="Parsed"/> is its checked
/// tree) and writes the result to <see cref="Target"/>. A missing or non-numeric attribute skips the processor, or
/// counts as 0 with <see cref="ReplaceMissing"/>.
/// </summary>
public sealed record ArithmeticProcessorModel(string Expression, ArithmeticNode Parsed, string Target, bool ReplaceMissing, string? Name, bool Enabled, int Line)
    : StepModel("arithmetic-processor", Name, Enabled, Line);

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
