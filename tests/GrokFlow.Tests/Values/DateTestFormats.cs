using System.Text;
using CsCheck;
using GrokFlow.Engine.Values;

namespace GrokFlow.Tests.Values;

/// <summary>Compiles formats and parses values for the date tests, failing with the compiler's message.</summary>
internal static class DateTestFormats
{
    public static readonly FixedClock Clock2031 = new(new DateTimeOffset(2031, 6, 15, 10, 0, 0, TimeSpan.Zero));

    /// <summary>Noon: a time of day read on it is on its own day, whatever the time (a 12-hour tie goes to the past).</summary>
    public static readonly FixedClock Noon2031 = new(new DateTimeOffset(2031, 6, 15, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Random dates from 1990 to 2060, to the second (the finest field the fixed-width and name formats write).</summary>
    public static readonly Gen<DateTime> WholeSecondDates =
        Gen.DateTime[new DateTime(1990, 1, 1), new DateTime(2060, 12, 31)].Select(d => new DateTime(d.Ticks - (d.Ticks % TimeSpan.TicksPerSecond)));

    public static DateFormat Compile(string pattern, string? timeZone = null, string? locale = null)
    {
        var format = DateFormat.Compile(pattern, timeZone, locale, out var error);
        Assert.True(format is not null, error);
        Assert.Null(error);
        return format;
    }

    public static long Parse(DateFormat format, string text, TimeProvider? clock = null)
    {
        Assert.True(format.TryParse(Encoding.UTF8.GetBytes(text), clock ?? Clock2031, out var value),
            $"'{text}' did not parse with \"{format.Pattern}\"");
        return value;
    }

    public static long Parse(string pattern, string text, string? timeZone = null, string? locale = null,
        TimeProvider? clock = null) => Parse(Compile(pattern, timeZone, locale), text, clock);

    public static bool TryParse(string pattern, string text, string? timeZone = null) =>
        Compile(pattern, timeZone).TryParse(Encoding.UTF8.GetBytes(text), Clock2031, out _);

    public static long Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int ms = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, second, ms, TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>Epoch ms of a local time at an offset (computed by hand: DateTimeOffset stops at ±14:00, zones at ±18:00).</summary>
    public static long At(int year, int month, int day, int hour, int minute, int second, TimeSpan offset) =>
        Utc(year, month, day, hour, minute, second) - (long)offset.TotalMilliseconds;
}
