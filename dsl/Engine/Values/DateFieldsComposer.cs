using System.Globalization;
using System.Runtime.CompilerServices;

namespace GrokFlow.Engine.Values;

/// <summary>
/// Turns the fields read from a date value into epoch milliseconds. Fields the value lacks come from the clock, each
/// time as the candidate nearest it (what Datadog's recorded results show, made with a clock at 1971-01-01T00:00Z):
/// <list type="bullet">
/// <item>a month and day of month without a year take the year that puts that day nearest the clock's day (in the
/// format's zone): with the clock on 1 January 1971, <c>Jul 2</c> (182 days ahead) is 1971 and <c>Jul 12</c> (173 days
/// back) is 1970; a tie (183 days either way around a leap day) goes to the past;</item>
/// <item>a value that names no calendar day (a time only, or date fields that name no day without a year: a month
/// and a day of year, as in <c>MMDD</c>; java.time resolves no date from them) is that time on the day that puts it
/// nearest the clock: 15:28 read at 00:00 on 1 January is 31 December's; a tie (12 hours) goes to the past.</item>
/// </list>
/// A missing month or day of a dated value is 1. A day of year (<c>D</c>) places the date together with a year read
/// from the value. A zone or offset in the value wins over the format's zone. Out-of-range fields (month 13, 31 June,
/// hour 24) fail, as they do in Joda-Time.
/// </summary>
internal static class DateFieldsComposer
{
    // The small field tests below are inlined: each value asks several of them, and calls cost more than the tests.
    /// <param name="nearestDayMemo">The caller's memory of the last <see cref="NearestDay"/> answer (0 at first).</param>
    public static bool TryCompose(
        ref ParsedDateFields f, bool hasDateFields, DateZone formatZone, ref ClockReading clock, ref long nearestDayMemo, out long epochMilliseconds)
    {
        epochMilliseconds = 0;
        if (!hasDateFields || !NamesACalendarDay(ref f)) return TryComposeNearestDay(ref f, formatZone, clock.UtcTicks, out epochMilliseconds);
        // A value with its year does not depend on the clock.
        if (HasYear(ref f)) return TryCompose(ref f, formatZone, 0, out epochMilliseconds);
        var today = Today(clock.UtcTicks, formatZone);
        if (!TakesItsYearFromTheClock(ref f)) return TryCompose(ref f, formatZone, today.Year, out epochMilliseconds);
        // A month and day in the year nearest the clock; before Christ (a G field) is outside any such year.
        return f.Era != 0 && NearestDay(today, f.Month, f.Day, ref nearestDayMemo) is var day and >= 0
               && TryComposeTime(ref f, formatZone, day * TimeSpan.TicksPerDay, out epochMilliseconds);
    }

    /// <summary>
    /// The day (counted from 1 January of year 1) of <paramref name="month"/>/<paramref name="day"/> in the
    /// <see cref="NearestYear(DateTime, int, int)"/>, or -1 when there is none; remembering its last answer: the lines
    /// of a log mostly share their day. Question and answer are packed in one long, read and written whole, so threads
    /// sharing the memo see either one answer whole or another.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long NearestDay(DateTime today, int month, int day, ref long memo)
    {
        if (month is < 1 or > 12 || day is < 1 or > 31) return -1;
        // Day number of today (below 2^22), month and day: 31 bits, above the 22 bits of the answer's day number + 1 (0: none).
        var question = ((today.Ticks / TimeSpan.TicksPerDay) << 9) | ((long)month << 5) | (uint)day;
        var seen = Volatile.Read(ref memo);
        return seen != 0 && seen >> 22 == question ? (seen & 0x3F_FFFF) - 1 : NearestDayAnew(today, month, day, question, ref memo);
    }

    private static long NearestDayAnew(DateTime today, int month, int day, long question, ref long memo)
    {
        var answer = NearestYear(today, month, day) is { } year ? new DateTime(year, month, day).Ticks / TimeSpan.TicksPerDay : -1;
        Volatile.Write(ref memo, (question << 22) | (answer + 1));
        return answer;
    }

    /// <summary>
    /// The year (the clock's, the one before or the one after) that puts <paramref name="month"/>/<paramref name="day"/>
    /// nearest <paramref name="today"/>; null when the day exists in none of them (29 February far from a leap year).
    /// </summary>
    public static int? NearestYear(DateTime today, int month, int day)
    {
        if (month is < 1 or > 12 || day < 1) return null;
        int? best = null;
        var bestDistance = long.MaxValue;
        for (var year = today.Year - 1; year <= today.Year + 1; year++)
        {
            if (year is < 1 or > 9999 || day > DateTime.DaysInMonth(year, month)) continue;
            var distance = Math.Abs((new DateTime(year, month, day) - today).Ticks);
            if (distance >= bestDistance) continue;
            bestDistance = distance;
            best = year;
        }

        return best;
    }

    /// <summary>A time of day (no calendar day named): on the clock's day, the day before or the day after, whichever is nearest the clock.</summary>
    private static bool TryComposeNearestDay(ref ParsedDateFields f, DateZone formatZone, long nowTicks, out long epochMilliseconds)
    {
        epochMilliseconds = 0;
        var now = new DateTimeOffset(nowTicks, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var today = Today(nowTicks, formatZone).Ticks;
        var bestDistance = long.MaxValue;
        for (var shift = -1; shift <= 1; shift++)
        {
            if (!TryComposeTime(ref f, formatZone, today + (shift * TimeSpan.TicksPerDay), out var candidate)) continue;
            var distance = Math.Abs(candidate - now);
            if (distance >= bestDistance) continue;
            bestDistance = distance;
            epochMilliseconds = candidate;
        }

        return bestDistance != long.MaxValue;
    }

    /// <summary>
    /// Whether the fields name a calendar day: a year (or week date) read from the value, or a month and a day of month
    /// whose year the clock gives. Without a year, other date fields (a month alone, a day of year) name no day.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool NamesACalendarDay(ref ParsedDateFields f) =>
        HasYear(ref f) || f.WeekYear != ParsedDateFields.Unset || f.TwoDigitWeekYear != ParsedDateFields.Unset || UsesWeekDate(ref f)
        || (f.Month != ParsedDateFields.Unset && f.Day != ParsedDateFields.Unset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasYear(ref ParsedDateFields f) =>
        f.Year != ParsedDateFields.Unset || f.TwoDigitYear != ParsedDateFields.Unset || f.Century != ParsedDateFields.Unset;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool UsesWeekDate(ref ParsedDateFields f) =>
        (f.WeekYear != ParsedDateFields.Unset || f.TwoDigitWeekYear != ParsedDateFields.Unset
         || f.Week != ParsedDateFields.Unset || f.DayOfWeekNumber != ParsedDateFields.Unset)
        && f.Month == ParsedDateFields.Unset && f.Day == ParsedDateFields.Unset && f.DayOfYear == ParsedDateFields.Unset;

    /// <summary>A month and day without a year (nor a week date): the year comes from the clock.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TakesItsYearFromTheClock(ref ParsedDateFields f) =>
        !HasYear(ref f) && f.Month != ParsedDateFields.Unset && f.Day != ParsedDateFields.Unset;

    /// <summary>A dated value; <paramref name="yearWithoutOne"/> is the year of a value that has none.</summary>
    private static bool TryCompose(ref ParsedDateFields f, DateZone formatZone, int yearWithoutOne, out long epochMilliseconds)
    {
        epochMilliseconds = 0;
        return TryDate(ref f, yearWithoutOne, out var dayTicks) && TryComposeTime(ref f, formatZone, dayTicks, out epochMilliseconds);
    }

    /// <summary>The value's time of day on the day starting at <paramref name="dayTicks"/>, in the value's zone or the format's.</summary>
    private static bool TryComposeTime(ref ParsedDateFields f, DateZone formatZone, long dayTicks, out long epochMilliseconds)
    {
        epochMilliseconds = 0;
        if (!TryHour(ref f, out var hour)) return false;
        var minute = f.Minute == ParsedDateFields.Unset ? 0 : f.Minute;
        var second = f.Second == ParsedDateFields.Unset ? 0 : f.Second;
        if (minute > 59 || second > 59) return false;
        var millisecond = f.Millisecond == ParsedDateFields.Unset ? 0 : f.Millisecond;
        var localTicks = dayTicks + (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute)
                         + (second * TimeSpan.TicksPerSecond) + (millisecond * TimeSpan.TicksPerMillisecond);

        long utcTicks;
        if (f.OffsetSeconds != ParsedDateFields.Unset)
        {
            utcTicks = localTicks - (f.OffsetSeconds * TimeSpan.TicksPerSecond);
            if (utcTicks < 0 || utcTicks > DateTime.MaxValue.Ticks) return false;
        }
        else if (!(f.Zone ?? formatZone).TryLocalToUtc(localTicks, out utcTicks))
        {
            return false;
        }

        epochMilliseconds = (utcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
        return true;
    }

    private static bool TryDate(ref ParsedDateFields f, int yearWithoutOne, out long dayTicks)
    {
        dayTicks = 0;
        int year;
        if (f.Year != ParsedDateFields.Unset) year = f.Year;
        else if (f.TwoDigitYear != ParsedDateFields.Unset)
            year = f.Century != ParsedDateFields.Unset ? (f.Century * 100) + f.TwoDigitYear : FromTwoDigits(f.TwoDigitYear);
        else if (f.Century != ParsedDateFields.Unset) year = f.Century * 100;
        else year = yearWithoutOne;

        if (f.Era == 0) year = 1 - year; // BC: outside what DateTime (and any log) holds, so it fails below.
        if (year is < 1 or > 9999) return false;

        if (UsesWeekDate(ref f)) return TryWeekDate(ref f, year, out dayTicks);

        if (f.DayOfYear != ParsedDateFields.Unset && HasYear(ref f))
        {
            var daysInYear = DateTime.IsLeapYear(year) ? 366 : 365;
            if (f.DayOfYear < 1 || f.DayOfYear > daysInYear) return false;
            dayTicks = new DateTime(year, 1, 1).Ticks + ((f.DayOfYear - 1) * TimeSpan.TicksPerDay);
            return true;
        }

        var month = f.Month == ParsedDateFields.Unset ? 1 : f.Month;
        var day = f.Day == ParsedDateFields.Unset ? 1 : f.Day;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        dayTicks = new DateTime(year, month, day).Ticks;
        return true;
    }

    private static bool TryWeekDate(ref ParsedDateFields f, int year, out long dayTicks)
    {
        dayTicks = 0;
        var weekYear = f.WeekYear != ParsedDateFields.Unset ? f.WeekYear
            : f.TwoDigitWeekYear != ParsedDateFields.Unset ? FromTwoDigits(f.TwoDigitWeekYear)
            : year;
        var week = f.Week == ParsedDateFields.Unset ? 1 : f.Week;
        var isoDay = f.DayOfWeekNumber == ParsedDateFields.Unset ? 1 : f.DayOfWeekNumber;
        if (weekYear is < 1 or > 9998 || isoDay is < 1 or > 7) return false;
        if (week < 1 || week > ISOWeek.GetWeeksInYear(weekYear)) return false;
        var date = ISOWeek.ToDateTime(weekYear, week, (DayOfWeek)(isoDay % 7));
        dayTicks = date.Ticks;
        return true;
    }

    /// <summary>The current day on the clock (midnight) in the format's zone, from one reading of it (UTC ticks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static DateTime Today(long now, DateZone formatZone)
    {
        var local = new DateTime(now + formatZone.OffsetTicksAtUtc(now), DateTimeKind.Unspecified).Ticks;
        return new DateTime(local - (local % TimeSpan.TicksPerDay));
    }

    /// <summary>
    /// A two-digit year (<c>yy</c>) is 2000 to 2099, as java.time reads it (a reduced value on the base 2000), whatever
    /// the clock: Datadog's recorded integration results, made with a 1970 clock, read <c>17</c>…<c>21</c> as
    /// 2017…2021, which no window around the clock's year gives.
    /// </summary>
    public static int FromTwoDigits(int value) => 2000 + value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryHour(ref ParsedDateFields f, out int hour)
    {
        hour = 0;
        if (f.HourOfDay != ParsedDateFields.Unset)
        {
            hour = f.HourOfDay;
            return hour <= 23;
        }

        if (f.ClockHourOfDay != ParsedDateFields.Unset)
        {
            if (f.ClockHourOfDay is < 1 or > 24) return false;
            hour = f.ClockHourOfDay % 24;
            return true;
        }

        if (f.HourOfHalfDay != ParsedDateFields.Unset)
        {
            if (f.HourOfHalfDay > 11) return false;
            hour = f.HourOfHalfDay;
        }
        else if (f.ClockHourOfHalfDay != ParsedDateFields.Unset)
        {
            if (f.ClockHourOfHalfDay is < 1 or > 12) return false;
            hour = f.ClockHourOfHalfDay % 12;
        }

        if (f.HalfDay == 1) hour += 12;
        return true;
    }
}
