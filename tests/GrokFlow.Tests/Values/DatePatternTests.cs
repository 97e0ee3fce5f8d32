using GrokFlow.Engine.Values;
using static GrokFlow.Tests.Values.DateTestFormats;

namespace GrokFlow.Tests.Values;

/// <summary>Pattern letters, defaults for missing fields, and rejected patterns.</summary>
public sealed class DatePatternTests
{
    [Theory]
    [InlineData("12:00:00 AM", 0, 0)]
    [InlineData("12:30:00 PM", 12, 30)]
    [InlineData("01:05:00 PM", 13, 5)]
    [InlineData("11:59:00 pm", 23, 59)]
    [InlineData("07:15:00 am", 7, 15)]
    public void TwelveHourClockWithHalfDay(string text, int hour, int minute)
    {
        Assert.Equal(Utc(2031, 6, 15, hour, minute), Parse("hh:mm:ss a", text, clock: Noon2031));
    }

    [Fact]
    public void TwelveHourClockRejectsHourZeroAndThirteen()
    {
        Assert.False(TryParse("hh:mm a", "00:10 AM"));
        Assert.False(TryParse("hh:mm a", "13:10 PM"));
    }

    [Fact]
    public void OtherHourLetters()
    {
        Assert.Equal(Utc(2031, 6, 15, 0, 10), Parse("k:mm", "24:10", clock: Noon2031));
        Assert.Equal(Utc(2031, 6, 15, 23, 10), Parse("K:mm a", "11:10 PM", clock: Noon2031));
        Assert.False(TryParse("K:mm a", "12:10 PM"));
    }

    [Theory]
    [InlineData("Thursday, June 16 2016")]
    [InlineData("Thu, Jun 16 2016")]
    [InlineData("THURSDAY, JUNE 16 2016")]
    [InlineData("thu, june 16 2016")]
    public void DayAndMonthNamesShortOrFullInAnyCase(string text)
    {
        Assert.Equal(Utc(2016, 6, 16), Parse("EEEE, MMMM d yyyy", text));
        Assert.Equal(Utc(2016, 6, 16), Parse("EEE, MMM d yyyy", text));
    }

    [Fact]
    public void SingleLettersTakeOneOrTwoDigitsAndDoubledLettersExactlyTwo()
    {
        Assert.Equal(Utc(2016, 3, 5, 9, 5, 7), Parse("d/M/yyyy H:m:s", "5/3/2016 9:5:7"));
        Assert.Equal(Utc(2016, 12, 25, 19, 45, 57), Parse("d/M/yyyy H:m:s", "25/12/2016 19:45:57"));
        Assert.False(TryParse("dd/MM/yyyy HH:mm:ss", "5/3/2016 9:05:07"));
    }

    [Theory]
    [InlineData("14:20:15.5", 500)]
    [InlineData("14:20:15.12", 120)]
    [InlineData("14:20:15.123", 123)]
    [InlineData("14:20:15.123999", 123)]
    [InlineData("14:20:15.123456789", 123)]
    public void FractionsTakeOneToNineDigitsTruncatedToMilliseconds(string text, int milliseconds)
    {
        Assert.Equal(Utc(2031, 6, 15, 14, 20, 15, milliseconds), Parse("HH:mm:ss.SSS", text, clock: Noon2031));
    }

    [Fact]
    public void MissingYearPutsTheDateNearestTheClockInTheFormatsZone()
    {
        // 23:30 UTC on 31 December 2030 is already 2031 in Tokyo.
        var newYearsEve = new FixedClock(new DateTimeOffset(2030, 12, 31, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(Utc(2030, 12, 31, 20), Parse("MMM dd HH:mm", "Dec 31 20:00", clock: newYearsEve));
        Assert.Equal(Utc(2031, 1, 1, 8), Parse("MMM dd HH:mm", "Jan 01 08:00", clock: newYearsEve));
        Assert.Equal(Utc(2030, 7, 15, 10), Parse("MMM dd HH:mm", "Jul 15 10:00", clock: newYearsEve));
        Assert.Equal(Utc(2031, 6, 15, 10), Parse("MMM dd HH:mm", "Jun 15 10:00", clock: newYearsEve));
        Assert.Equal(At(2031, 3, 1, 10, 0, 0, TimeSpan.FromHours(9)), Parse("MMM dd HH:mm", "Mar 01 10:00", "Asia/Tokyo", clock: newYearsEve));
    }

    [Fact]
    public void TimeOnlyIsOnTheDayThatPutsItNearestTheClock()
    {
        var midnight = new FixedClock(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(Utc(2030, 12, 31, 15, 28, 44), Parse("HH:mm:ss", "15:28:44", clock: midnight));
        Assert.Equal(Utc(2031, 1, 1, 11, 59, 59), Parse("HH:mm:ss", "11:59:59", clock: midnight));
        Assert.Equal(Utc(2030, 12, 31, 12, 0, 0), Parse("HH:mm:ss", "12:00:00", clock: midnight)); // a tie goes to the past
        Assert.Equal(Utc(2031, 6, 15, 9, 0, 0), Parse("HH:mm:ss", "09:00:00"));
        Assert.Equal(Utc(2031, 6, 14, 23, 0, 0), Parse("HH:mm:ss", "23:00:00"));
    }

    [Fact]
    public void MissingYearComparesDaysNotTimesOfDay()
    {
        // Datadog's recordings (clock 1971-01-01T00:00Z): Jul 2 12:24:48 is 1971 (182 days ahead, 183 back), Jul 12 1970.
        var recording = new FixedClock(new DateTimeOffset(1971, 1, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(Utc(1971, 7, 2, 12, 24, 48), Parse("MMM d HH:mm:ss", "Jul 2 12:24:48", clock: recording));
        Assert.Equal(Utc(1970, 7, 12, 12, 24, 48), Parse("MMM d HH:mm:ss", "Jul 12 12:24:48", clock: recording));
        Assert.Equal(Utc(1971, 1, 3, 13, 45, 51), Parse("MMM d HH:mm:ss", "Jan 3 13:45:51", clock: recording));
        Assert.Equal(Utc(1970, 12, 21, 13, 0, 58), Parse("MMdd HH:mm:ss", "1221 13:00:58", clock: recording));
    }

    [Fact]
    public void TwentyNinthOfFebruaryWithoutAYearTakesTheNearestLeapYear()
    {
        var clock = new FixedClock(new DateTimeOffset(2029, 1, 10, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(Utc(2028, 2, 29), Parse("MMM d", "Feb 29", clock: clock));
        Assert.False(Compile("MMM d").TryParse("Feb 29"u8, new FixedClock(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)), out _));
    }

    [Fact]
    public void MissingDayIsTheFirstOfTheMonth()
    {
        Assert.Equal(Utc(2019, 11, 1), Parse("yyyy-MM", "2019-11"));
    }

    [Theory]
    [InlineData(2025, "45", 2045)]
    [InlineData(2025, "99", 2099)]
    [InlineData(2025, "00", 2000)]
    [InlineData(1971, "21", 2021)]
    [InlineData(2090, "09", 2009)]
    public void TwoDigitYearsAreTwoThousandToTwoThousandNinetyNineWhateverTheClock(int currentYear, string yy, int year)
    {
        // java.time's reduced year on the base 2000; Datadog's recordings (a 1970 clock) read 21 as 2021.
        var clock = new FixedClock(new DateTimeOffset(currentYear, 6, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(Utc(year, 5, 6), Parse("d/M/yy", $"6/5/{yy}", clock: clock));
    }

    [Fact]
    public void TwoDigitYearReadsAFullYearWhenNoDigitsFollow()
    {
        Assert.Equal(Utc(1918, 5, 6), Parse("d/M/yy", "6/5/1918"));
        Assert.Equal(Utc(2017, 11, 13), Parse("yyMMdd", "171113"));
    }

    [Theory]
    [InlineData("dd/MM/yyyy", "31/06/2016")]
    [InlineData("dd/MM/yyyy", "29/02/2019")]
    [InlineData("dd/MM/yyyy", "01/13/2016")]
    [InlineData("dd/MM/yyyy", "00/12/2016")]
    [InlineData("HH:mm:ss", "24:00:00")]
    [InlineData("HH:mm:ss", "12:60:00")]
    [InlineData("HH:mm:ss", "12:00:60")]
    [InlineData("yyyy", "0000")]
    public void OutOfRangeFieldsFail(string pattern, string text)
    {
        Assert.False(TryParse(pattern, text));
    }

    [Fact]
    public void TextMustBeFullyUsed()
    {
        Assert.False(TryParse("HH:mm", "12:00:00"));
        Assert.False(TryParse("HH:mm", "12:0"));
    }

    [Fact]
    public void LeapDayParsesInALeapYear()
    {
        Assert.Equal(Utc(2016, 2, 29), Parse("dd/MM/yyyy", "29/02/2016"));
    }

    [Fact]
    public void QuotedLiteralsAndEscapedQuotes()
    {
        Assert.Equal(Utc(2016, 6, 16, 8), Parse("yyyy-MM-dd'T'HH 'o''clock'", "2016-06-16T08 o'clock"));
        Assert.Equal(Utc(2016, 6, 16, 8), Parse("yyyy-MM-dd''HH", "2016-06-16'08"));
    }

    [Fact]
    public void LiteralsMatchIgnoringCaseAsInJoda()
    {
        Assert.Equal(Utc(2016, 6, 16, 8), Parse("yyyy-MM-dd'T'HH", "2016-06-16t08"));
    }

    [Fact]
    public void DayOfYearAndWeekDates()
    {
        Assert.Equal(Utc(2016, 2, 29), Parse("yyyy-DDD", "2016-060"));
        Assert.Equal(Utc(2016, 12, 31), Parse("yyyy-D", "2016-366"));
        Assert.False(TryParse("yyyy-D", "2015-366"));
        // ISO week 1 of 2020 starts on Monday 30 December 2019.
        Assert.Equal(Utc(2019, 12, 30), Parse("xxxx-'W'ww-e", "2020-W01-1"));
        Assert.Equal(Utc(2020, 12, 31), Parse("xxxx-'W'ww-e", "2020-W53-4"));
    }

    [Fact]
    public void CenturyAndEra()
    {
        Assert.Equal(Utc(2016, 6, 16), Parse("Cyy-MM-dd", "2016-06-16"));
        Assert.Equal(Utc(2016, 6, 16), Parse("yyyy-MM-dd G", "2016-06-16 AD"));
        Assert.False(TryParse("yyyy-MM-dd G", "2016-06-16 BC"));
    }

    [Fact]
    public void MonthAndDayNamesOfAnotherLocale()
    {
        Assert.Equal(Utc(2016, 6, 16), Parse("EEEE d MMMM yyyy", "jeudi 16 juin 2016", locale: "fr"));
        Assert.Equal(Utc(2016, 2, 3), Parse("d MMM yyyy", "3 févr. 2016", locale: "fr-FR"));
        Assert.Equal(Utc(2016, 2, 3), Parse("d MMM yyyy", "3 FÉVR 2016", locale: "fr_FR"));
        Assert.Equal(Utc(2016, 3, 3), Parse("d. MMMM yyyy", "3. März 2016", locale: "de-DE"));
    }

    [Theory]
    [InlineData("ABC", 'A', 0)]
    [InlineData("yyyy-MM-dd HH:mm:ss.SSS X", 'X', 24)]
    [InlineData("yyyy-MM-ddTHH", 'T', 10)]
    [InlineData("dd/mm/YYYY q", 'q', 11)]
    public void UnsupportedLettersAreReportedWithTheirPosition(string pattern, char letter, int index)
    {
        Assert.Null(DateFormat.Compile(pattern, null, null, out var error));
        Assert.Equal(
            $"invalid date pattern letter '{letter}' at index {index} in \"{pattern}\"; " +
            "expected Joda-Time letters G C Y x w e E y D M d a K h H k m s S z Z or a quoted literal", error);
    }

    [Fact]
    public void UnterminatedQuoteAndEmptyPatternAreRejected()
    {
        Assert.Null(DateFormat.Compile("yyyy 'at HH", null, null, out var unterminated));
        Assert.Equal("unterminated quoted literal starting at index 5 in \"yyyy 'at HH\"; close it with ' (write '' for a quote)", unterminated);
        Assert.Null(DateFormat.Compile("", null, null, out var empty));
        Assert.StartsWith("empty date pattern", empty);
    }

    [Fact]
    public void NoLocaleOrAnEmptyOneMeansEnglish()
    {
        Assert.Equal(Utc(2016, 6, 16), Parse("d MMMM yyyy", "16 June 2016", locale: ""));
        Assert.Equal(Utc(2016, 6, 16), Parse("d MMMM yyyy", "16 June 2016", locale: "en-GB"));
        Assert.False(Compile("d MMMM yyyy", locale: "fr").TryParse("16 June 2016"u8, Clock2031, out _));
    }

    [Theory]
    [InlineData("xx-YY")]
    [InlineData("klingon")]
    public void UnsupportedLocalesAreRejected(string locale)
    {
        Assert.Null(DateFormat.Compile("dd MMM yyyy", null, locale, out var error));
        Assert.Equal($"unsupported locale \"{locale}\": expected a locale id such as en, en-US, fr-FR or de", error);
    }
}
