using GrokFlow.Engine.Values;
using static GrokFlow.Tests.Values.DateTestFormats;

namespace GrokFlow.Tests.Values;

/// <summary>Timezone arguments, zones and offsets in values, and daylight saving.</summary>
public sealed class DateZoneTests
{
    private const string Pattern = "yyyy-MM-dd HH:mm:ss";

    [Fact]
    public void NamedZoneUsesTheOffsetOfTheParsedDateNotOfToday()
    {
        Assert.Equal(At(2016, 1, 16, 8, 29, 3, TimeSpan.FromHours(1)), Parse(Pattern, "2016-01-16 08:29:03", "Europe/Paris"));
        Assert.Equal(At(2016, 6, 16, 8, 29, 3, TimeSpan.FromHours(2)), Parse(Pattern, "2016-06-16 08:29:03", "Europe/Paris"));
    }

    [Fact]
    public void NewYorkAroundTheSpringSwitch()
    {
        // Clocks went from 02:00 EST to 03:00 EDT on 2024-03-10.
        Assert.Equal(At(2024, 3, 10, 1, 59, 59, TimeSpan.FromHours(-5)), Parse(Pattern, "2024-03-10 01:59:59", "America/New_York"));
        Assert.Equal(At(2024, 3, 10, 3, 0, 0, TimeSpan.FromHours(-4)), Parse(Pattern, "2024-03-10 03:00:00", "America/New_York"));
        // 02:30 never happened: like java.time, it moves forward by the gap, to 03:30 EDT.
        Assert.Equal(At(2024, 3, 10, 3, 30, 0, TimeSpan.FromHours(-4)), Parse(Pattern, "2024-03-10 02:30:00", "America/New_York"));
    }

    [Fact]
    public void NewYorkAroundTheAutumnSwitch()
    {
        // Clocks went from 02:00 EDT back to 01:00 EST on 2024-11-03; 01:30 happened twice: the earlier one is taken.
        Assert.Equal(At(2024, 11, 3, 1, 30, 0, TimeSpan.FromHours(-4)), Parse(Pattern, "2024-11-03 01:30:00", "America/New_York"));
        Assert.Equal(At(2024, 11, 3, 2, 30, 0, TimeSpan.FromHours(-5)), Parse(Pattern, "2024-11-03 02:30:00", "America/New_York"));
        Assert.Equal(At(2024, 11, 2, 23, 0, 0, TimeSpan.FromHours(-4)), Parse(Pattern, "2024-11-02 23:00:00", "America/New_York"));
    }

    [Theory]
    [InlineData("UTC", 0)]
    [InlineData("GMT", 0)]
    [InlineData("UT", 0)]
    [InlineData("Z", 0)]
    [InlineData("+3", 180)]
    [InlineData("-3", -180)]
    [InlineData("+03", 180)]
    [InlineData("+03:30", 210)]
    [InlineData("-0330", -210)]
    [InlineData("+18:00", 1080)]
    [InlineData("UTC+5", 300)]
    [InlineData("UTC-05:30", -330)]
    [InlineData("GMT+2", 120)]
    [InlineData("GMT-0100", -60)]
    [InlineData("UT+1", 60)]
    [InlineData("Etc/GMT+5", -300)]
    [InlineData("Europe/Moscow", 180)]
    [InlineData("Asia/Kolkata", 330)]
    [InlineData("America/Port-au-Prince", -300)]
    public void TimezoneArgumentForms(string timeZone, int offsetMinutes)
    {
        Assert.Equal(At(2016, 6, 16, 8, 29, 3, TimeSpan.FromMinutes(offsetMinutes)), Parse(Pattern, "2016-06-16 08:29:03", timeZone));
    }

    [Fact]
    public void OffsetArgumentWithSecondsKeepsTheSeconds()
    {
        var expected = Utc(2016, 6, 16, 8, 29, 3) - (((3 * 3600) + (25 * 60) + 7) * 1000L);

        Assert.Equal(expected, Parse(Pattern, "2016-06-16 08:29:03", "+03:25:07"));
        Assert.Equal(expected, Parse(Pattern, "2016-06-16 08:29:03", "+032507"));
    }

    [Theory]
    [InlineData("unknown timezone")]
    [InlineData("Europe/Nowhere")]
    [InlineData("europe/paris")]
    [InlineData("../etc/passwd")]
    [InlineData("")]
    public void UnknownTimezonesAreRejectedWithTheAcceptedForms(string timeZone)
    {
        Assert.Null(DateFormat.Compile(Pattern, timeZone, null, out var error));
        Assert.Equal(
            $"unknown time zone \"{timeZone}\": expected UTC, GMT, an offset such as +03:00, UTC+5, " +
            "or a tz database id such as Europe/Paris", error);
    }

    [Fact]
    public void TzIdsAreCaseSensitiveEvenAfterTheRealIdWasLoaded()
    {
        Compile(Pattern, "Europe/Paris");

        Assert.Null(DateFormat.Compile(Pattern, "europe/paris", null, out var error));
        Assert.StartsWith("unknown time zone \"europe/paris\"", error);
    }

    [Theory]
    [InlineData("+19")]
    [InlineData("+18:01")]
    [InlineData("-3:00")]
    [InlineData("+03:60")]
    [InlineData("UTC+123")]
    public void MalformedOrOutOfRangeOffsetsAreRejected(string timeZone)
    {
        Assert.Null(DateFormat.Compile(Pattern, timeZone, null, out var error));
        Assert.StartsWith($"invalid time zone offset \"{timeZone}\"", error);
    }

    [Theory]
    [InlineData("PST", -480)]
    [InlineData("PDT", -420)]
    [InlineData("EST", -300)]
    [InlineData("EDT", -240)]
    [InlineData("ADT", -180)]
    [InlineData("CEST", 120)]
    [InlineData("BST", 60)]
    [InlineData("IST", 330)]
    [InlineData("JST", 540)]
    [InlineData("GMT", 0)]
    [InlineData("UTC", 0)]
    [InlineData("Z", 0)]
    [InlineData("GMT+5", 300)]
    [InlineData("UTC-03:30", -210)]
    [InlineData("Etc/GMT-3", 180)]
    [InlineData("Asia/Tokyo", 540)]
    [InlineData("America/Argentina/Buenos_Aires", -180)]
    public void ZoneTextInTheValue(string zone, int offsetMinutes)
    {
        Assert.Equal(At(2007, 8, 31, 19, 22, 22, TimeSpan.FromMinutes(offsetMinutes)), Parse("yyyy-MM-dd HH:mm:ss z", $"2007-08-31 19:22:22 {zone}"));
    }

    [Fact]
    public void CetInTheValueFollowsDaylightSaving()
    {
        Assert.Equal(At(2007, 8, 31, 19, 22, 22, TimeSpan.FromHours(2)), Parse("yyyy-MM-dd HH:mm:ss z", "2007-08-31 19:22:22 CET"));
        Assert.Equal(At(2007, 1, 31, 19, 22, 22, TimeSpan.FromHours(1)), Parse("yyyy-MM-dd HH:mm:ss z", "2007-01-31 19:22:22 CET"));
    }

    [Fact]
    public void ZoneInTheValueWinsOverTheArgument()
    {
        Assert.Equal(At(2007, 8, 31, 19, 22, 22, TimeSpan.FromHours(-3)), Parse("yyyy-MM-dd HH:mm:ss z", "2007-08-31 19:22:22 ADT", "Asia/Tokyo"));
        Assert.Equal(At(2007, 8, 31, 19, 22, 22, TimeSpan.FromHours(5)), Parse("yyyy-MM-dd HH:mm:ss Z", "2007-08-31 19:22:22 +0500", "Asia/Tokyo"));
        Assert.Equal(Utc(2007, 8, 31, 19, 22, 22), Parse("yyyy-MM-dd HH:mm:ssZ", "2007-08-31 19:22:22Z", "Asia/Tokyo"));
    }

    [Theory]
    [InlineData("Z", 0)]
    [InlineData("z", 0)]
    [InlineData("+0530", 330)]
    [InlineData("+05:30", 330)]
    [InlineData("-0800", -480)]
    public void OffsetFieldsAcceptZAndBothLayouts(string offset, int minutes)
    {
        Assert.Equal(At(2016, 11, 29, 16, 21, 36, TimeSpan.FromMinutes(minutes)), Parse("yyyy-MM-dd'T'HH:mm:ssZ", $"2016-11-29T16:21:36{offset}"));
        Assert.Equal(At(2016, 11, 29, 16, 21, 36, TimeSpan.FromMinutes(minutes)), Parse("yyyy-MM-dd'T'HH:mm:ssZZ", $"2016-11-29T16:21:36{offset}"));
    }

    [Fact]
    public void UnknownZoneTextInTheValueFailsTheConversion()
    {
        Assert.False(TryParse("yyyy-MM-dd HH:mm:ss z", "2007-08-31 19:22:22 XYZT"));
        Assert.False(TryParse("yyyy-MM-dd HH:mm:ss z", "2007-08-31 19:22:22 Mars/Olympus"));
        // Remembered as unknown, and still unknown the second time.
        Assert.False(TryParse("yyyy-MM-dd HH:mm:ss z", "2007-08-31 19:22:22 Mars/Olympus"));
    }

    [Fact]
    public void TimeOnlyPatternWithAZoneReadsOnTheClocksDayInThatZone()
    {
        // 22:30 UTC on 14 June is already the 15th in Paris (CEST, +02:00): 01:00 there is 30 minutes ahead.
        var clock = new FixedClock(new DateTimeOffset(2031, 6, 14, 22, 30, 0, TimeSpan.Zero));
        Assert.Equal(At(2031, 6, 15, 1, 0, 0, TimeSpan.FromHours(2)), Parse("HH:mm:ss", "01:00:00", "Europe/Paris", clock: clock));
        Assert.Equal(At(2031, 6, 15, 14, 20, 15, TimeSpan.FromHours(2)), Parse("HH:mm:ss", "14:20:15", "Europe/Paris"));
    }
}
