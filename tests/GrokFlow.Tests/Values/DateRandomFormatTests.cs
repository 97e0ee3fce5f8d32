using System.Globalization;
using System.Text;
using CsCheck;
using GrokFlow.Engine.Values;
using static GrokFlow.Tests.Values.DateTestFormats;

namespace GrokFlow.Tests.Values;

/// <summary>
/// Random formats assembled from the pattern letters (each with its .NET equivalent), random dates and random clocks:
/// the compiled reading steps against .NET's own parser, and the remembered nearest day of a long-lived format (one
/// format reads every value, the clock moving between them, as in a pipeline) against a fresh format per value and
/// against the nearest-year rule computed here from the calendar.
/// </summary>
public sealed class DateRandomFormatTests
{
    private static readonly Gen<DateTime> Dates =
        Gen.DateTime[new DateTime(1990, 1, 1), new DateTime(2060, 12, 31)].Select(d => new DateTime(d.Ticks - (d.Ticks % TimeSpan.TicksPerMillisecond)));

    // Each part of a format: Joda letters and the .NET letters that write the same text.
    private static readonly (string Joda, string Net)[] Years = [("yyyy", "yyyy"), ("yy", "yy")];
    private static readonly (string Joda, string Net)[] Months = [("MM", "MM"), ("M", "%M"), ("MMM", "MMM"), ("MMMM", "MMMM")];
    private static readonly (string Joda, string Net)[] Days = [("dd", "dd"), ("d", "%d")];
    private static readonly (string Joda, string Net)[] Hours = [("HH", "HH"), ("H", "%H"), ("hh", "hh"), ("h", "%h")];
    private static readonly (string Joda, string Net)[] Fractions = [("", ""), (".SSS", ".fff"), (",S", ",f")];
    private static readonly (string Joda, string Net)[] WeekDays = [("", ""), ("EEE ", "ddd "), ("EEEE, ", "dddd, ")];
    private static readonly string[] DateSeparators = ["-", "/", " ", "."];
    private static readonly string[] TimeSeparators = ["T", " ", ":"];

    private static readonly Gen<(string Joda, string Net)> Formats = Gen.Int[0, 1_000].Array[9].Select(r => Format(
        Years[r[0] % Years.Length], Months[r[1] % Months.Length], Days[r[2] % Days.Length], Hours[r[3] % Hours.Length],
        Fractions[r[4] % Fractions.Length], WeekDays[r[5] % WeekDays.Length], DateSeparators[r[6] % DateSeparators.Length],
        TimeSeparators[r[7] % TimeSeparators.Length], r[8] % 3));

    /// <summary>.NET reading two-digit years as java.time does: 2000 to 2099.</summary>
    private static readonly CultureInfo Culture = TwoDigitYears2000To2099();

    private static CultureInfo TwoDigitYears2000To2099()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.DateTimeFormat.Calendar.TwoDigitYearMax = 2099;
        return culture;
    }

    private static (string Joda, string Net) Format((string, string) year, (string, string) month, (string, string) day,
        (string, string) hour, (string, string) fraction, (string, string) weekDay, string dateSeparator, string timeSeparator, int order)
    {
        var parts = order switch
        {
            0 => new[] { year, month, day },
            1 => [day, month, year],
            _ => [month, day, year],
        };
        var twelveHour = hour.Item1.StartsWith('h');
        // .NET checks a day name against the date, which a two-digit year moves to another century.
        if (year.Item1 == "yy") weekDay = ("", "");
        string Join(Func<(string, string), string> side, bool joda)
        {
            var separator = timeSeparator == "T" && joda ? "'T'" : timeSeparator;
            var date = string.Join(dateSeparator, parts.Select(side));
            var time = $"{side(hour).TrimStart('%')}:mm:ss{side(fraction)}{(twelveHour ? joda ? " a" : " tt" : "")}";
            return side(weekDay) + date + separator + time;
        }

        return (Join(p => p.Item1, joda: true), Join(p => p.Item2, joda: false));
    }

    [Fact]
    public void RandomFormatsReadAsDotNetReadsThem()
    {
        Gen.Select(Dates, Formats, Gen.Bool).Sample((date, format, upper) =>
        {
            var text = date.ToString(format.Net, CultureInfo.InvariantCulture);
            if (upper) text = text.ToUpperInvariant();
            var expected = DateTime.ParseExact(text, format.Net, Culture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            Assert.Equal(new DateTimeOffset(expected, TimeSpan.Zero).ToUnixTimeMilliseconds(), Parse(format.Joda, text));
        }, iter: 5_000);
    }

    [Fact]
    public void RandomOffsetsReadAsDotNetReadsThem()
    {
        string[] joda = ["yyyy-MM-dd'T'HH:mm:ss.SSSZ", "dd/MMM/yyyy:HH:mm:ss Z", "EEE MMM dd HH:mm:ss Z yyyy"];
        string[] net = ["yyyy-MM-dd'T'HH:mm:ss.fffzzz", "dd/MMM/yyyy:HH:mm:ss zzz", "ddd MMM dd HH:mm:ss zzz yyyy"];
        Gen.Select(Dates, Gen.Int[-14 * 4, 14 * 4], Gen.Int[0, joda.Length - 1], Gen.Bool).Sample((date, quarters, f, colon) =>
        {
            var value = new DateTimeOffset(date, TimeSpan.FromMinutes(quarters * 15));
            var text = value.ToString(net[f], CultureInfo.InvariantCulture);
            if (!colon && value.Offset != TimeSpan.Zero) text = text.Remove(text.LastIndexOf(':', text.IndexOf(value.Offset < TimeSpan.Zero ? '-' : '+', 10) + 3), 1);
            var expected = DateTimeOffset.ParseExact(value.ToString(net[f], CultureInfo.InvariantCulture), net[f], CultureInfo.InvariantCulture);
            Assert.Equal(expected.ToUnixTimeMilliseconds(), Parse(joda[f], text));
        }, iter: 3_000);
    }

    [Theory]
    [InlineData("yy-MM-dd", "31-06-15", 2031)]
    [InlineData("yy-MM-dd", "2016-06-15", 2016)]
    [InlineData("dd.MM.yy", "15.06.99", 2099)]
    public void TwoLetterYearsTakeTwoOrFourDigits(string pattern, string text, int year)
    {
        Assert.Equal(Utc(year, 6, 15), Parse(pattern, text));
    }

    [Fact]
    public void TwoLetterYearsRefuseThreeDigits()
    {
        Assert.False(TryParse("yy-MM-dd", "201-06-15"));
    }

    private static readonly Gen<DateTime> Clocks =
        Gen.OneOf(Dates, Gen.Select(Gen.Int[1991, 2059], Gen.Int[-3 * 24, 3 * 24]).Select((y, h) => new DateTime(y, 1, 1).AddHours(h)),
            Gen.Select(Gen.Int[1991, 2059], Gen.Int[-3 * 24, 3 * 24]).Select((y, h) => new DateTime(y, 3, 1).AddHours(h)));

    [Theory]
    [InlineData("MMM dd HH:mm:ss", null)]
    [InlineData("MM/dd HH:mm", null)]
    [InlineData("MMM d HH:mm:ss", "+05:30")]
    [InlineData("MMM dd HH:mm:ss", "Europe/Paris")]
    [InlineData("dd MMM HH:mm:ss Z", null)]
    public void DatesWithoutYearTakeTheYearNearestTheClockWhateverTheValueBefore(string pattern, string? timeZone)
    {
        // One format reads every value (its remembered day changes with the values and the clock), a fresh one each
        // value (nothing remembered), and the rule worked out from the calendar must all agree, invalid days included.
        var longLived = Compile(pattern, timeZone);
        // Several values per clock reading, as in a chunk of lines: nearby days (the memo's case) and any day.
        var values = Gen.Select(Gen.Int[1, 12], Gen.Int[1, 31], Gen.Int[0, 86_399], Gen.Int[0, 2]).Array[1, 8];
        Gen.Select(Clocks, values).Sample((clockTime, days) =>
        {
            var clock = new FixedClock(new DateTimeOffset(clockTime, TimeSpan.Zero));
            var (lastMonth, lastDay) = (days[0].Item1, days[0].Item2);
            foreach (var (anyMonth, anyDay, second, near) in days)
            {
                // near: the month and day of the value before, or the day after it (a log's next lines).
                var (month, day) = near switch { 0 => (anyMonth, anyDay), 1 => (lastMonth, lastDay), _ => (lastMonth, Math.Min(lastDay + 1, 31)) };
                (lastMonth, lastDay) = (month, day);
                AssertNearestDay(pattern, timeZone, longLived, clock, clockTime, month, day, second);
            }
        }, iter: 2_000);
    }

    private static void AssertNearestDay(string pattern, string? timeZone, DateFormat longLived, FixedClock clock, DateTime clockTime, int month, int day, int second)
    {
        var monthName = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames[month - 1];
        var time = TimeSpan.FromSeconds(second);
        var text = pattern.Replace("Z", "zzz").Replace("MMM", monthName).Replace("MM", $"{month:00}").Replace("dd", $"{day:00}")
            .Replace("d", $"{day}").Replace("HH", $"{time.Hours:00}").Replace("mm", $"{time.Minutes:00}").Replace("ss", $"{time.Seconds:00}")
            .Replace("zzz", "+01:00");
        var bytes = Encoding.UTF8.GetBytes(text);
        var fresh = Compile(pattern, timeZone).TryParse(bytes, clock, out var freshValue);
        Assert.Equal(fresh, longLived.TryParse(bytes, clock, out var value));
        Assert.Equal(freshValue, value);

        var year = NearestYear(clockTime, timeZone, month, day);
        Assert.Equal(year is not null, fresh);
        if (year is null) return;
        var local = new DateTime(year.Value, month, day) + (pattern.Contains("ss") ? time : new TimeSpan(time.Hours, time.Minutes, 0));
        if (timeZone is ['E', ..] && (TimeZoneInfo.FindSystemTimeZoneById(timeZone).IsAmbiguousTime(local)
                                      || TimeZoneInfo.FindSystemTimeZoneById(timeZone).IsInvalidTime(local))) return; // DateZoneTests
        var offset = pattern.EndsWith('Z') ? TimeSpan.FromHours(1) : Offset(timeZone, local);
        Assert.Equal(new DateTimeOffset(local, offset).ToUnixTimeMilliseconds(), freshValue);
    }

    /// <summary>The year before, of or after the clock's (in the zone) whose month/day is nearest the clock's day; the earlier on a tie.</summary>
    private static int? NearestYear(DateTime clockUtc, string? timeZone, int month, int day)
    {
        var today = (clockUtc + Offset(timeZone, clockUtc, utc: true)).Date;
        return Enumerable.Range(today.Year - 1, 3)
            .Where(y => day <= DateTime.DaysInMonth(y, month))
            .Select(y => (Year: (int?)y, Distance: Math.Abs((new DateTime(y, month, day) - today).Ticks)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Year)
            .FirstOrDefault().Year;
    }

    private static TimeSpan Offset(string? timeZone, DateTime time, bool utc = false) => timeZone switch
    {
        null => TimeSpan.Zero,
        "+05:30" => new TimeSpan(5, 30, 0),
        _ => utc ? TimeZoneInfo.FindSystemTimeZoneById(timeZone).GetUtcOffset(new DateTimeOffset(time, TimeSpan.Zero))
            : TimeZoneInfo.FindSystemTimeZoneById(timeZone).GetUtcOffset(time),
    };
}
