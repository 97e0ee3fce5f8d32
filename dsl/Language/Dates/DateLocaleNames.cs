using System.Globalization;

namespace GrokFlow.Language.Dates;

/// <summary>
/// The month, day, half-day and era names a <c>date</c> pattern reads, taken from a culture (English by default).
/// Joda-Time parses both the short and the full name whatever the letter count, ignoring case; so do these lists.
/// Each list is ordered longest first so that a greedy reader and the generated regex alternation agree.
/// </summary>
/// <param name="Days">Day names; the value is the ISO day of week (Monday 1 .. Sunday 7).</param>
/// <param name="HalfDays">AM (0) and PM (1).</param>
/// <param name="Eras">BC (0) and AD (1).</param>
internal sealed record DateLocaleNames(DateName[] Months, DateName[] Days, DateName[] HalfDays, DateName[] Eras)
{
    public static DateLocaleNames? ForLocale(string? locale, out string? error)
    {
        error = null;
        var culture = FindCulture(locale);
        if (culture is null)
        {
            error = $"unsupported locale \"{locale}\": expected a locale id such as en, en-US, fr-FR or de";
            return null;
        }

        var format = culture.DateTimeFormat;
        var months = new List<DateName>();
        for (var m = 0; m < 12; m++)
        {
            AddName(months, format.MonthNames[m], m + 1);
            AddName(months, format.AbbreviatedMonthNames[m], m + 1);
            AddName(months, format.MonthGenitiveNames[m], m + 1);
            AddName(months, format.AbbreviatedMonthGenitiveNames[m], m + 1);
        }

        var days = new List<DateName>();
        for (var d = 0; d < 7; d++)
        {
            var isoDay = d == 0 ? 7 : d;
            AddName(days, format.DayNames[d], isoDay);
            AddName(days, format.AbbreviatedDayNames[d], isoDay);
        }

        var halfDays = new List<DateName>();
        AddName(halfDays, format.AMDesignator, 0);
        AddName(halfDays, format.PMDesignator, 1);
        if (halfDays.Count < 2)
        {
            AddName(halfDays, "AM", 0);
            AddName(halfDays, "PM", 1);
        }

        var eras = new List<DateName>();
        AddName(eras, "AD", 1);
        AddName(eras, "BC", 0);
        return new DateLocaleNames(Ordered(months), Ordered(days), Ordered(halfDays), Ordered(eras));
    }

    private static CultureInfo? FindCulture(string? locale)
    {
        // No locale means English: the invariant culture has the English names and needs no ICU data.
        if (string.IsNullOrEmpty(locale)) return CultureInfo.InvariantCulture;
        var name = locale!.Replace('_', '-');
        try
        {
            var culture = CultureInfo.GetCultureInfo(name, predefinedOnly: true);
            return culture.Name.Length == 0 ? null : culture;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Adds a name, and its form without a trailing dot ("janv." also as "janv"), skipping duplicates.</summary>
    private static void AddName(List<DateName> names, string text, int value)
    {
        text = text.Trim();
        if (text.Length == 0) return;
        AddDistinct(names, text, value);
        if (text.Length > 1 && text[^1] == '.') AddDistinct(names, text[..^1], value);
    }

    private static void AddDistinct(List<DateName> names, string text, int value)
    {
        if (!names.Any(existing => string.Equals(existing.Text, text, StringComparison.OrdinalIgnoreCase))) names.Add(new DateName(text, value));
    }

    private static DateName[] Ordered(List<DateName> names) =>
        names.OrderByDescending(n => n.Text.Length).ThenBy(n => n.Text, StringComparer.Ordinal).ToArray();
}
