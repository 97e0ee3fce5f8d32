using System.Globalization;
using GrokFlow.Language.Model.Processors;

namespace GrokFlow.Language.Compilation;

/// <summary>
/// Reads an arithmetic processor's expression: numbers, attribute paths, <c>+ - * /</c> with the usual precedence,
/// parentheses and unary minus. As in Datadog, attribute names may contain <c>-</c>, so a subtraction needs white space
/// before its <c>-</c> (<c>a - b</c>; <c>a-b</c> is one attribute).
/// </summary>
public sealed class ArithmeticExpressionParser
{
    private readonly string _text;
    private int _position;

    private ArithmeticExpressionParser(string text) => _text = text;

    /// <summary>The tree, or null with <paramref name="error"/> saying what is wrong and <paramref name="column"/> where (0-based).</summary>
    public static ArithmeticNode? Parse(string text, out string? error, out int column)
    {
        var parser = new ArithmeticExpressionParser(text);
        try
        {
            var node = parser.Sum();
            parser.SkipSpaces();
            if (parser._position < text.Length) throw parser.Fail($"unexpected '{text[parser._position]}'");
            (error, column) = (null, 0);
            return node;
        }
        catch (FormatException e)
        {
            error = e.Message;
            column = parser._position;
            return null;
        }
    }

    private ArithmeticNode Sum() => LeftAssociative(Product, '+', '-');

    private ArithmeticNode Product() => LeftAssociative(Unary, '*', '/');

    private ArithmeticNode LeftAssociative(Func<ArithmeticNode> operand, char a, char b)
    {
        var left = operand();
        while (true)
        {
            SkipSpaces();
            if (!TryOperator(a, b, out var op)) return left;
            left = new ArithmeticBinary(op, left, operand());
        }
    }

    private bool TryOperator(char a, char b, out char op)
    {
        op = _position < _text.Length ? _text[_position] : '\0';
        if (op != a && op != b) return false;
        _position++;
        return true;
    }

    private ArithmeticNode Unary()
    {
        SkipSpaces();
        if (_position >= _text.Length) throw Fail("an operand is missing");
        var c = _text[_position];
        if (c == '-')
        {
            _position++;
            return new ArithmeticNegate(Unary());
        }
        if (c == '(')
        {
            _position++;
            var inner = Sum();
            SkipSpaces();
            if (_position >= _text.Length || _text[_position] != ')') throw Fail("')' is missing");
            _position++;
            return inner;
        }
        if (char.IsDigit(c) || c == '.') return Number();
        if (IsAttributeStart(c)) return Attribute();
        throw Fail($"unexpected '{c}'");
    }

    private ArithmeticNode Number()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsDigit(_text[_position]) || _text[_position] is '.' or 'e' or 'E'
                   || (_text[_position] is '+' or '-' && _text[_position - 1] is 'e' or 'E'))) _position++;
        var text = _text.Substring(start, _position - start);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            _position = start;
            throw Fail($"'{text}' is not a number");
        }
        return new ArithmeticNumber(value);
    }

    private ArithmeticNode Attribute()
    {
        var start = _position;
        while (_position < _text.Length && (IsAttributeStart(_text[_position]) || char.IsDigit(_text[_position]) || _text[_position] is '.' or '-')) _position++;
        return new ArithmeticAttribute(_text.Substring(start, _position - start));
    }

    private static bool IsAttributeStart(char c) => char.IsLetter(c) || c is '_' or '@' or '$';

    private void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position])) _position++;
    }

    private FormatException Fail(string message) => new(message);
}
