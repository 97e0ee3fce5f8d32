using GrokFlow.Language.Model.Processors;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// An arithmetic expression compiled to postfix instructions, evaluated on a stack of doubles without allocating.
/// An attribute that is missing or not a number (a number, or a string holding one) fails the evaluation, or counts
/// as 0 with <c>replaceMissing</c>. Division by zero fails it.
/// </summary>
public sealed class ArithmeticProgram
{
    private enum OpCode : byte { Number, Attribute, Add, Subtract, Multiply, Divide, Negate }

    private readonly OpCode[] _ops;
    private readonly double[] _numbers;
    private readonly AttributePath?[] _paths;
    private readonly int _maxDepth;

    public ArithmeticProgram(ArithmeticNode expression)
    {
        var ops = new List<OpCode>();
        var numbers = new List<double>();
        var paths = new List<AttributePath?>();
        var depth = 0;
        var maxDepth = 0;
        Emit(expression);
        _ops = ops.ToArray();
        _numbers = numbers.ToArray();
        _paths = paths.ToArray();
        _maxDepth = Math.Max(1, maxDepth);

        void Add(OpCode op, double number, AttributePath? path, int stackChange)
        {
            ops.Add(op);
            numbers.Add(number);
            paths.Add(path);
            depth += stackChange;
            maxDepth = Math.Max(maxDepth, depth);
        }

        void Emit(ArithmeticNode node)
        {
            switch (node)
            {
                case ArithmeticNumber n:
                    Add(OpCode.Number, n.Value, null, 1);
                    break;
                case ArithmeticAttribute a:
                    Add(OpCode.Attribute, 0, new AttributePath(a.Path), 1);
                    break;
                case ArithmeticNegate negate:
                    Emit(negate.Operand);
                    Add(OpCode.Negate, 0, null, 0);
                    break;
                case ArithmeticBinary b:
                    Emit(b.Left);
                    Emit(b.Right);
                    Add(b.Operator switch { '+' => OpCode.Add, '-' => OpCode.Subtract, '*' => OpCode.Multiply, _ => OpCode.Divide }, 0, null, -1);
                    break;
                default:
                    throw new ArgumentException($"unknown arithmetic node {node}", nameof(expression));
            }
        }
    }

    public bool TryEvaluate(EventDocument document, bool replaceMissing, out double result)
    {
        result = 0;
        Span<double> stack = _maxDepth <= 64 ? stackalloc double[64] : new double[_maxDepth];
        var top = 0;
        for (var i = 0; i < _ops.Length; i++)
        {
            switch (_ops[i])
            {
                case OpCode.Number:
                    stack[top++] = _numbers[i];
                    break;
                case OpCode.Attribute:
                    var node = document.Find(_paths[i]!);
                    if (node == EventDocument.None || document.KindOf(node) is not (EventValueKind.Number or EventValueKind.String)
                        || !document.TryGetDouble(node, out var value))
                    {
                        if (!replaceMissing) return false;
                        value = 0;
                    }
                    stack[top++] = value;
                    break;
                case OpCode.Negate:
                    stack[top - 1] = -stack[top - 1];
                    break;
                default:
                    var right = stack[--top];
                    var left = stack[top - 1];
                    switch (_ops[i])
                    {
                        case OpCode.Add: stack[top - 1] = left + right; break;
                        case OpCode.Subtract: stack[top - 1] = left - right; break;
                        case OpCode.Multiply: stack[top - 1] = left * right; break;
                        default:
                            if (right == 0) return false;
                            stack[top - 1] = left / right;
                            break;
                    }
                    break;
            }
        }
        result = stack[0];
        return double.IsFinite(result);
    }
}
