namespace GrokFlow.Language.Dates;

/// <summary>
/// A checked Datadog <c>date("pattern"[, "timezone"[, "locale"]])</c> argument list: the pattern's tokens, the locale's
/// names, the timezone argument (checked; the engine reads it), and the regex that finds the date text. The engine's date parser reads values with it.
/// Patterns use Joda-Time letters (grok-dialect spec §4).
/// </summary>
/// <param name="Pattern">The Joda-Time pattern.</param>
/// <param name="TimeZone">The timezone argument as written (null: UTC), for values that carry no zone.</param>
internal sealed record DatePattern(string Pattern, DateToken[] Tokens, DateLocaleNames Names, string? TimeZone)
{
    /// <summary>
    /// The regex matching the date text. It uses only literal characters (metacharacters escaped with a backslash),
    /// <c>[...]</c> classes (a '-' inside a class is written <c>\-</c>), <c>{n}</c> and <c>{n,m}</c>, <c>(?:...)</c>
    /// groups with <c>|</c>, and <c>?</c>. Digits are <c>[0-9]</c>.
    /// </summary>
    public string RegexPattern { get; } = DateRegexBuilder.Build(Tokens, Names);

    /// <summary>
    /// Checks a pattern with an optional timezone argument and locale (English when null). Returns null and a message
    /// naming the problem when a letter, the timezone or the locale is not supported.
    /// </summary>
    public static DatePattern? Compile(string pattern, string? timeZone, string? locale, out string? error)
    {
        var tokens = DatePatternLexer.Tokenize(pattern, out error);
        if (tokens is null) return null;
        if (timeZone is not null && !TimeZoneArgument.TryParse(timeZone, out _, out _, out error)) return null;
        var names = DateLocaleNames.ForLocale(locale, out error);
        if (names is null) return null;
        return new DatePattern(pattern, tokens, names, timeZone);
    }

    public override string ToString() => Pattern;
}
