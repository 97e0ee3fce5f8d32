namespace GrokFlow.Engine.Search;

/// <summary>
/// One attribute value handed to a query: its kind, its text (UTF-8: the string itself, a number as written in the
/// JSON, <c>true</c>/<c>false</c>) and, for numbers, the value.
/// </summary>
public readonly ref struct SearchValue
{
    private static readonly byte[] TrueText = "true"u8.ToArray();
    private static readonly byte[] FalseText = "false"u8.ToArray();

    private SearchValue(SearchValueKind kind, ReadOnlySpan<byte> text, double number)
    {
        Kind = kind;
        Text = text;
        Number = number;
    }

    public SearchValueKind Kind { get; }
    public ReadOnlySpan<byte> Text { get; }
    public double Number { get; }

    public static SearchValue String(ReadOnlySpan<byte> utf8) => new(SearchValueKind.String, utf8, double.NaN);

    /// <param name="text">The number as written (e.g. <c>200</c>, <c>2.5e3</c>), matched by wildcard terms.</param>
    public static SearchValue FromNumber(double value, ReadOnlySpan<byte> text) => new(SearchValueKind.Number, text, value);

    public static SearchValue FromBoolean(bool value) => new(SearchValueKind.Boolean, value ? TrueText : FalseText, double.NaN);

    public static SearchValue Null => new(SearchValueKind.Null, [], double.NaN);

    public static SearchValue Object => new(SearchValueKind.Object, [], double.NaN);
}
