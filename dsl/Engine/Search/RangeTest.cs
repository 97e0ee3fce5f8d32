namespace GrokFlow.Engine.Search;

/// <summary>
/// <c>key:[a TO b]</c> (<c>{ }</c> exclude the ends, <c>*</c> leaves an end open) and the comparisons <c>key:&gt;a</c>,
/// <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c>. Numeric when the value is a number (an attribute of JSON kind number, or a
/// tag/reserved text that reads as one) and every given bound is numeric; otherwise byte-wise string order.
/// </summary>
internal sealed class RangeTest(RangeBound? lower, RangeBound? upper) : SearchValueTest
{
    private readonly bool _numericBounds = lower is not { Number: null } && upper is not { Number: null };

    public override bool MatchesText(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty) return false;
        if (_numericBounds && Utf8Text.TryParseNumber(text, out var number)) return InNumericRange(number);
        return InTextRange(text, ignoreCase: true);
    }

    public override bool Matches(scoped in SearchValue value) => value.Kind switch
    {
        SearchValueKind.Number => _numericBounds && InNumericRange(value.Number),
        SearchValueKind.String => InTextRange(value.Text, ignoreCase: false),
        _ => false,
    };

    private bool InNumericRange(double number) =>
        (lower is null || (lower.Inclusive ? number >= lower.Number : number > lower.Number))
        && (upper is null || (upper.Inclusive ? number <= upper.Number : number < upper.Number));

    private bool InTextRange(ReadOnlySpan<byte> text, bool ignoreCase)
    {
        if (lower is not null)
        {
            var order = Utf8Text.Compare(text, lower.Utf8, ignoreCase);
            if (order < 0 || (order == 0 && !lower.Inclusive)) return false;
        }
        if (upper is not null)
        {
            var order = Utf8Text.Compare(text, upper.Utf8, ignoreCase);
            if (order > 0 || (order == 0 && !upper.Inclusive)) return false;
        }
        return true;
    }

    public override string ToString() =>
        $"{(lower is { Inclusive: false } ? '{' : '[')}{lower?.Text ?? "*"} TO {upper?.Text ?? "*"}{(upper is { Inclusive: false } ? '}' : ']')}";
}
