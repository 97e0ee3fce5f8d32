namespace GrokFlow.Language.Dates;

/// <summary>
/// One element of a compiled date pattern: a field with its digit bounds, or a literal (Joda-Time matches pattern
/// literals ignoring case).
/// </summary>
/// <param name="LetterCount">How many times the pattern letter was repeated (<c>MMM</c> is 3).</param>
/// <param name="MinDigits">Fewest digits a numeric field accepts.</param>
/// <param name="MaxDigits">Most digits a numeric field accepts.</param>
/// <param name="Literal">The literal text (empty for fields).</param>
internal readonly record struct DateToken(DateFieldKind Kind, int LetterCount, int MinDigits, int MaxDigits, string Literal)
{
    public static DateToken Field(DateFieldKind kind, int letterCount) => new(kind, letterCount, 0, 0, "");

    public static DateToken Number(DateFieldKind kind, int letterCount, int minDigits, int maxDigits) =>
        new(kind, letterCount, minDigits, maxDigits, "");

    public static DateToken Text(string literal) => new(DateFieldKind.Literal, 0, 0, 0, literal);
}
