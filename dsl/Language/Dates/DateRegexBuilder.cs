using System.Text;

namespace GrokFlow.Language.Dates;

/// <summary>
/// Writes the regex that matches the text of a compiled date pattern. The output is restricted to a small portable
/// subset (literal characters with metacharacters escaped, <c>[...]</c> classes, <c>{n}</c>/<c>{n,m}</c>,
/// <c>(?:...|...)</c> and <c>?</c>) because the project's own regex parser turns it into the matcher tree. Digits are
/// written <c>[0-9]</c> so that no Unicode digit matches; letters of names and literals become case pairs such as
/// <c>[Jj]</c> because Joda-Time compares them ignoring case.
/// </summary>
internal static class DateRegexBuilder
{
    /// <summary>
    /// A zone abbreviation or tz database id, optionally followed by an offset (GMT+5, Etc/GMT-3, UTC+05:00). Bounded
    /// repetitions only (the subset has no <c>*</c> or <c>+</c>); the bounds are those of the engine's <c>ZoneText.ScanName</c>.
    /// </summary>
    public const string ZoneNameRegex = ZoneIdRegex + "(?:[+\\-][0-9]{1,2}(?::?[0-9]{2}){0,2})?";

    /// <summary>
    /// A zone abbreviation or tz database id without a trailing offset: a zone name directly followed by an offset field
    /// (<c>zZZ</c> on <c>GMT+00:00</c>) leaves the offset to that field.
    /// </summary>
    public const string ZoneIdRegex = "[A-Za-z][A-Za-z0-9_]{0,31}(?:/[A-Za-z0-9_+\\-]{1,32}){0,3}";

    /// <summary>An offset: Z, +hhmm or +hh:mm.</summary>
    public const string ZoneOffsetRegex = "(?:[Zz]|[+\\-][0-9]{2}:?[0-9]{2})";

    public static string Build(DateToken[] tokens, DateLocaleNames names)
    {
        var regex = new StringBuilder();
        for (var index = 0; index < tokens.Length; index++)
        {
            var token = tokens[index];
            switch (token.Kind)
            {
                case DateFieldKind.Literal: AppendIgnoringCase(regex, token.Literal); break;
                case DateFieldKind.TwoDigitYear or DateFieldKind.TwoDigitWeekYear when token.MaxDigits == 4: regex.Append("[0-9]{2}(?:[0-9]{2})?"); break;
                case DateFieldKind.MonthText: AppendNames(regex, names.Months); break;
                case DateFieldKind.DayOfWeekText: AppendNames(regex, names.Days); break;
                case DateFieldKind.HalfDay: AppendNames(regex, names.HalfDays); break;
                case DateFieldKind.Era: AppendNames(regex, names.Eras); break;
                case DateFieldKind.ZoneOffset: regex.Append(ZoneOffsetRegex); break;
                case DateFieldKind.ZoneName: regex.Append(IsFollowedByOffset(tokens, index) ? ZoneIdRegex : ZoneNameRegex); break;
                default:
                    regex.Append("[0-9]").Append(token.MinDigits == token.MaxDigits
                        ? token.MinDigits == 1 ? "" : $"{{{token.MinDigits}}}"
                        : $"{{{token.MinDigits},{token.MaxDigits}}}");
                    break;
            }
        }
        return regex.ToString();
    }

    /// <summary>Whether the token after <paramref name="index"/> is an offset field (so a zone name there takes no offset).</summary>
    public static bool IsFollowedByOffset(DateToken[] tokens, int index) =>
        index + 1 < tokens.Length && tokens[index + 1].Kind == DateFieldKind.ZoneOffset;

    private static void AppendNames(StringBuilder regex, DateName[] names)
    {
        regex.Append("(?:");
        for (var i = 0; i < names.Length; i++) AppendIgnoringCase(i == 0 ? regex : regex.Append('|'), names[i].Text);
        regex.Append(')');
    }

    /// <summary>Appends text, each cased letter as a two-member class and each metacharacter escaped.</summary>
    public static void AppendIgnoringCase(StringBuilder regex, string text)
    {
        foreach (var c in text)
        {
            var upper = char.ToUpperInvariant(c);
            var lower = char.ToLowerInvariant(c);
            if (upper != lower)
            {
                regex.Append('[').Append(upper).Append(lower);
                if (c != upper && c != lower) regex.Append(c);
                regex.Append(']');
            }
            else regex.Append("\\.*+?|{}[]()^$".Contains(c) ? "\\" + c : c.ToString());
        }
    }
}
