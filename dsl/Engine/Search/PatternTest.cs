namespace GrokFlow.Engine.Search;

/// <summary>
/// <c>key:value</c> with an exact or wildcard value. A lone <c>*</c> asks that the value exist (non-empty text, or an
/// attribute that is not null). A number attribute equals a numeric value by value (<c>200</c> matches <c>200.0</c>).
/// </summary>
internal sealed class PatternTest(SearchPattern pattern) : SearchValueTest
{
    public override bool MatchesText(ReadOnlySpan<byte> text) =>
        pattern.IsAnything ? !text.IsEmpty : pattern.IsMatch(text, ignoreCase: true);

    public override bool Matches(scoped in SearchValue value)
    {
        if (pattern.IsAnything) return value.Kind != SearchValueKind.Null;
        return value.Kind switch
        {
            SearchValueKind.String or SearchValueKind.Boolean => pattern.IsMatch(value.Text, ignoreCase: false),
            SearchValueKind.Number => pattern.Number is { } number ? value.Number == number : pattern.IsMatch(value.Text, ignoreCase: false),
            _ => false,
        };
    }

    public override string ToString() => pattern.Text;
}
