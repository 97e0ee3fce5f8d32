namespace GrokFlow.Language.Dates;

/// <summary>
/// One element of a compiled date pattern: a field with its digit bounds, or a literal (Joda-Time matches pattern
/// literals ignoring case).
/// </summary>
internal readonly struct DateToken
{
    private DateToken(DateFieldKind kind, int letterCount, int minDigits, int maxDigits, string literal)
    {
        Kind = kind;
        LetterCount = letterCount;
        MinDigits = minDigits;
        MaxDigits = maxDigits;
        Literal = literal;
    }

    public DateFieldKind Kind { get; }

    /// <summary>How many times the pattern letter was repeated (<c>MMM</c> is 3).</summary>
    public int LetterCount { get; }

    /// <summary>Fewest digits a numeric field accepts.</summary>
    public int MinDigits { get; }

    /// <summary>Most digits a numeric field accepts.</summary>
    public int MaxDigits { get; }

    /// <summary>The literal text (empty for fields).</summary>
    public string Literal { get; }

    public static DateToken Field(DateFieldKind kind, int letterCount) => new(kind, letterCount, 0, 0, "");

    public static DateToken Number(DateFieldKind kind, int letterCount, int minDigits, int maxDigits) =>
        new(kind, letterCount, minDigits, maxDigits, "");

    public static DateToken Text(string literal) => new(DateFieldKind.Literal, 0, 0, 0, literal);
}
