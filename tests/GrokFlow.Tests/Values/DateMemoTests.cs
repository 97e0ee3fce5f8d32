using System.Globalization;
using System.Text;
using CsCheck;
using GrokFlow.Engine.Values;
using static GrokFlow.Tests.Values.DateTestFormats;

namespace GrokFlow.Tests.Values;

/// <summary>
/// A date read with a thread's memo of the last value (<see cref="DateMemo"/>) against the same format reading it in
/// full, and for whole values against .NET's parser: runs of values close together (the same minute, hour or day,
/// across midnight, a month and a year), with time fields out of range, a separator or a digit spoiled, the clock
/// moving between values, and two formats taking turns on one memo.
/// </summary>
public sealed class DateMemoTests
{
    // Joda pattern, time zone argument, .NET format (null: no .NET reading), whether the memo applies.
    private static readonly (string Joda, string? Zone, string? Net, bool Memo)[] Formats =
    [
        ("MMM dd HH:mm:ss", null, null, true),
        ("MMM d HH:mm:ss", null, null, true),
        ("MMM dd HH:mm:ss", "+02:30", null, true),
        ("yyyy-MM-dd'T'HH:mm:ss", null, "yyyy-MM-dd'T'HH:mm:ss", true),
        ("dd/MMM/yyyy:HH:mm:ss", null, "dd/MMM/yyyy:HH:mm:ss", true),
        ("EEE MMM dd yyyy HH:mm:ss", "-05:00", null, true),
        ("yyyy-MM-dd HH.mm", null, "yyyy-MM-dd HH.mm", false),
        ("MMM dd HH:mm:ss", "Europe/Paris", null, false),
        ("yyyyMMddHHmmss", null, "yyyyMMddHHmmss", false),
        ("HH:mm:ss", null, null, false),
        ("MMM dd yyyy hh:mm:ss", null, null, false),
    ];

    private static readonly FixedClock[] Clocks =
    [
        Clock2031,
        new(new DateTimeOffset(2031, 12, 31, 23, 0, 0, TimeSpan.Zero)),
        new(new DateTimeOffset(2032, 1, 1, 1, 0, 0, TimeSpan.Zero)),
        new(new DateTimeOffset(2032, 7, 1, 0, 0, 0, TimeSpan.Zero)),
    ];

    [Fact]
    public void The_memo_applies_to_the_formats_it_can_read_exactly()
    {
        foreach (var (joda, zone, _, memo) in Formats)
            Assert.True(Compile(joda, zone).HasTimeSuffix == memo, $"\"{joda}\" {zone}");
    }

    [Fact]
    public void Values_read_with_the_memo_are_the_values_read_in_full()
    {
        var steps = Gen.Select(Gen.Int[0, 7], Gen.Long[0, 400_000], Gen.Int[0, 9], Gen.Int[0, Clocks.Length - 1]).Array[1, 40];
        var recalled = 0;
        Gen.Select(Gen.Int[0, Formats.Length - 1], Gen.Int[0, Formats.Length - 1], WholeSecondDates, steps).Sample((f1, f2, start, moves) =>
        {
            (DateFormat Format, string? Net)[] formats = [(Compile(Formats[f1].Joda, Formats[f1].Zone), Formats[f1].Net), (Compile(Formats[f2].Joda, Formats[f2].Zone), Formats[f2].Net)];
            var memo = new DateMemo();
            var date = start;
            foreach (var (kind, seconds, spoil, clock) in moves)
            {
                // Mostly a few seconds or minutes later; sometimes hours or days, or back.
                date = date.AddSeconds(kind switch { 0 => seconds % 60, 1 => seconds % 3600, 2 => seconds, 3 => -(seconds % 7200), _ => seconds % 90 });
                var (format, net) = formats[kind == 7 ? 1 : 0];
                var text = Spoil(Write(format.Pattern, date), spoil);
                var utf8 = Encoding.UTF8.GetBytes(text);
                var before = memo;
                var read = format.TryParse(utf8, Clocks[clock], ref memo, out var value);
                var full = format.TryParse(utf8, Clocks[clock], out var expected);
                Assert.True(read == full, $"'{text}' \"{format.Pattern}\" {format.TimeZoneName}: {read} with the memo, {full} in full");
                if (read) Assert.True(expected == value, $"'{text}' \"{format.Pattern}\" {format.TimeZoneName}: {value} with the memo, {expected} in full");
                if (read && spoil is 0 or > 6 && net is not null && format.TimeZoneName == "UTC")
                    Assert.Equal(new DateTimeOffset(DateTime.ParseExact(text, net, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), TimeSpan.Zero).ToUnixTimeMilliseconds(), value);
                if (read && ReferenceEquals(before.Format, format.ReadingKey) && memo.Equals(before) && value != before.EpochMilliseconds) recalled++;
            }
        }, iter: 3_000);
        Assert.True(recalled > 1000, $"{recalled} values read from the memo");
    }

    [Fact]
    public void A_value_sharing_the_last_ones_day_is_read_from_the_memo()
    {
        var format = Compile("MMM dd HH:mm:ss");
        var memo = new DateMemo();
        Assert.True(format.TryParse("Jan 10 00:00:40"u8, Clock2031, ref memo, out var first));
        Assert.Same(format.ReadingKey, memo.Format);
        Assert.Equal(40, memo.Seconds);
        Assert.True(format.TryParse("Jan 10 23:59:59"u8, Clock2031, ref memo, out var later));
        Assert.Equal(40, memo.Seconds); // moved from the memo, not read anew
        Assert.Equal(first + ((((23 * 60) + 59) * 60) + 19) * 1000L, later);
        Assert.Equal(Parse(format, "Jan 10 23:59:59"), later);
        Assert.False(format.TryParse("Jan 10 24:00:00"u8, Clock2031, ref memo, out _));
        Assert.False(format.TryParse("Jan 10 23:60:00"u8, Clock2031, ref memo, out _));
        Assert.False(format.TryParse("Jan 10 23:00:60"u8, Clock2031, ref memo, out _));
        Assert.False(format.TryParse("Jan 10 23-00:00"u8, Clock2031, ref memo, out _));
    }

    /// <summary>A clock that counts its readings.</summary>
    private sealed class CountingClock(DateTimeOffset now) : TimeProvider
    {
        public int Readings { get; private set; }

        public override DateTimeOffset GetUtcNow()
        {
            Readings++;
            return now;
        }
    }

    [Fact]
    public void Each_value_reads_the_clock_once_at_most_and_a_value_with_its_year_never()
    {
        var clock = new CountingClock(new DateTimeOffset(2031, 6, 15, 10, 0, 0, TimeSpan.Zero));
        var memo = new DateMemo();
        var withoutYear = Compile("MMM dd HH:mm:ss");
        var withYear = Compile("yyyy-MM-dd'T'HH:mm:ss");
        string[] values = ["Jan 10 00:00:40", "Jan 10 00:01:18", "Jan 11 00:01:18", "Jan 11 25:01:18", "Jan 11 00:01:19"];
        foreach (var value in values) withoutYear.TryParse(Encoding.UTF8.GetBytes(value), clock, ref memo, out _);
        Assert.Equal(values.Length, clock.Readings);
        foreach (var value in values) withYear.TryParse(Encoding.UTF8.GetBytes("2031-01-10T" + value[^8..]), clock, ref memo, out _);
        Assert.Equal(values.Length, clock.Readings);
    }

    private static string Write(string joda, DateTime date) => joda switch
    {
        "MMM dd HH:mm:ss" => date.ToString("MMM dd HH:mm:ss", CultureInfo.InvariantCulture),
        "MMM d HH:mm:ss" => date.ToString("MMM d HH:mm:ss", CultureInfo.InvariantCulture),
        "EEE MMM dd yyyy HH:mm:ss" => date.ToString("ddd MMM dd yyyy HH:mm:ss", CultureInfo.InvariantCulture),
        "MMM dd yyyy hh:mm:ss" => date.ToString("MMM dd yyyy hh:mm:ss", CultureInfo.InvariantCulture),
        _ => date.ToString(joda.Replace("'T'", "'T'"), CultureInfo.InvariantCulture),
    };

    /// <summary>The text, or (1 to 5) one of its time fields out of range, a separator or digit changed, a byte cut.</summary>
    private static string Spoil(string text, int how) => how switch
    {
        1 => text[..^2] + "60",
        2 => text[..^2] + "9" + text[^1],
        3 when text.Length > 8 && text[^3] is ':' or '.' => text[..^3] + "-" + text[^2..],
        4 when text.Length > 8 => text[..^8] + "24" + text[^6..],
        5 => text[..^1],
        6 when text.Length > 8 => text[..^4] + "7" + text[^3..],
        _ => text,
    };
}
