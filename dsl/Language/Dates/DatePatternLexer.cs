using System.Text;

namespace GrokFlow.Language.Dates;

/// <summary>
/// Splits a Joda-Time pattern (<c>yyyy-MM-dd'T'HH:mm:ss.SSSZ</c>) into tokens, deciding each numeric field's digit bounds.
/// Single letters take 1-2 digits as in Joda; repeated letters take exactly that many digits.
/// </summary>
internal static class DatePatternLexer
{
    /// <summary>The pattern letters accepted, in the order the error message lists them.</summary>
    public const string SupportedLetters = "G C Y x w e E y D M d a K h H k m s S z Z";

    public static DateToken[]? Tokenize(string pattern, out string? error)
    {
        error = null;
        if (pattern.Length == 0)
        {
            error = "empty date pattern: expected Joda-Time letters such as yyyy-MM-dd HH:mm:ss";
            return null;
        }

        var raw = new List<(char Letter, int Count, string Literal)>();
        var literal = new StringBuilder();
        var index = 0;
        while (index < pattern.Length)
        {
            var c = pattern[index];
            if (c == '\'')
            {
                if (!ReadQuoted(pattern, ref index, literal, out error)) return null;
                continue;
            }

            if (char.IsAsciiLetter(c))
            {
                if (!SupportedLetters.Contains(c))
                {
                    error = $"invalid date pattern letter '{c}' at index {index} in \"{pattern}\"; " +
                            $"expected Joda-Time letters {SupportedLetters} or a quoted literal";
                    return null;
                }

                FlushLiteral(raw, literal);
                var start = index;
                while (index < pattern.Length && pattern[index] == c) index++;
                raw.Add((c, index - start, ""));
                continue;
            }

            literal.Append(c);
            index++;
        }

        FlushLiteral(raw, literal);
        var tokens = new DateToken[raw.Count];
        for (var i = 0; i < raw.Count; i++)
        {
            var nextIsNumeric = i + 1 < raw.Count && IsNumericLetter(raw[i + 1].Letter, raw[i + 1].Count);
            tokens[i] = raw[i].Letter == '\0'
                ? DateToken.Text(raw[i].Literal)
                : ToField(raw[i].Letter, raw[i].Count, nextIsNumeric);
        }

        return tokens;
    }

    /// <summary>Reads <c>'...'</c> at <paramref name="index"/>: <c>''</c> stands for a quote, inside or alone.</summary>
    private static bool ReadQuoted(string pattern, ref int index, StringBuilder literal, out string? error)
    {
        error = null;
        var open = index++;
        if (index < pattern.Length && pattern[index] == '\'')
        {
            literal.Append('\'');
            index++;
            return true;
        }
        while (index < pattern.Length)
        {
            if (pattern[index] != '\'') literal.Append(pattern[index++]);
            else if (index + 1 < pattern.Length && pattern[index + 1] == '\'')
            {
                literal.Append('\'');
                index += 2;
            }
            else
            {
                index++;
                return true;
            }
        }
        error = $"unterminated quoted literal starting at index {open} in \"{pattern}\"; close it with ' (write '' for a quote)";
        return false;
    }

    private static void FlushLiteral(List<(char, int, string)> raw, StringBuilder literal)
    {
        if (literal.Length == 0) return;
        raw.Add(('\0', 0, literal.ToString()));
        literal.Clear();
    }

    /// <summary>Joda's "numeric token" test, used to stop a variable-width field from eating its neighbour's digits.</summary>
    private static bool IsNumericLetter(char letter, int count) => letter switch
    {
        '\0' => false,
        'M' => count <= 2,
        'C' or 'Y' or 'x' or 'w' or 'e' or 'y' or 'D' or 'd' or 'K' or 'h' or 'H' or 'k' or 'm' or 's' or 'S' => true,
        _ => false,
    };

    private static DateToken ToField(char letter, int count, bool nextIsNumeric) => letter switch
    {
        'G' => DateToken.Field(DateFieldKind.Era, count),
        'C' => Numeric(DateFieldKind.CenturyOfEra, count, 2),
        'Y' or 'y' => Year(count == 2 ? DateFieldKind.TwoDigitYear : DateFieldKind.Year, count, nextIsNumeric),
        'x' => Year(count == 2 ? DateFieldKind.TwoDigitWeekYear : DateFieldKind.WeekYear, count, nextIsNumeric),
        'w' => Numeric(DateFieldKind.WeekOfWeekYear, count, 2),
        'e' => Numeric(DateFieldKind.DayOfWeekNumber, count, 1),
        'E' => DateToken.Field(DateFieldKind.DayOfWeekText, count),
        'D' => Numeric(DateFieldKind.DayOfYear, count, 3),
        'M' => count >= 3 ? DateToken.Field(DateFieldKind.MonthText, count) : Numeric(DateFieldKind.MonthNumber, count, 2),
        'd' => Numeric(DateFieldKind.DayOfMonth, count, 2),
        'a' => DateToken.Field(DateFieldKind.HalfDay, count),
        'K' => Numeric(DateFieldKind.HourOfHalfDay, count, 2),
        'h' => Numeric(DateFieldKind.ClockHourOfHalfDay, count, 2),
        'H' => Numeric(DateFieldKind.HourOfDay, count, 2),
        'k' => Numeric(DateFieldKind.ClockHourOfDay, count, 2),
        'm' => Numeric(DateFieldKind.Minute, count, 2),
        's' => Numeric(DateFieldKind.Second, count, 2),
        // Joda parses up to 9 fraction digits whatever the letter count, unless a numeric field follows directly.
        'S' => DateToken.Number(DateFieldKind.Fraction, count, nextIsNumeric ? count : 1, nextIsNumeric ? count : Math.Max(9, count)),
        'z' => DateToken.Field(DateFieldKind.ZoneName, count),
        _ => count >= 3 ? DateToken.Field(DateFieldKind.ZoneName, count) : DateToken.Field(DateFieldKind.ZoneOffset, count),
    };

    private static DateToken Numeric(DateFieldKind kind, int count, int singleLetterMaxDigits) =>
        count == 1 ? DateToken.Number(kind, 1, 1, singleLetterMaxDigits) : DateToken.Number(kind, count, count, count);

    /// <summary>
    /// Years take four digits (more when the letter is repeated more). Two-letter years take two digits, or four when no
    /// numeric field follows: Joda's lenient two-digit year reads a full year in that case.
    /// </summary>
    private static DateToken Year(DateFieldKind kind, int count, bool nextIsNumeric)
    {
        if (kind is DateFieldKind.TwoDigitYear or DateFieldKind.TwoDigitWeekYear)
            return DateToken.Number(kind, count, 2, nextIsNumeric ? 2 : 4);
        var digits = Math.Max(4, count);
        return DateToken.Number(kind, count, digits, digits);
    }
}
