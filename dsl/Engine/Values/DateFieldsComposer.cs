using System.Globalization;

namespace GrokFlow.Engine.Values;

/// <summary>
/// Turns the fields read from a date value into epoch milliseconds, applying the defaults Datadog's recorded results
/// and docs show: a pattern without any date field (time only) reads on 1970-01-01 (its docs: <c>14:20:15</c> gives
/// 51615000); a date with a month but no year is put in the year that brings it nearest the clock (within half a year
/// of it: Datadog's recorded results, made with a clock at the end of 1970, put July 12 to December 31 in 1970 and
/// January 3 to June in 1971; a log of 31 December read on 1 January is last year's), and a missing month or day is 1. A day of year (<c>D</c>) places the date only together with a year read from the
/// value (the resolution java.time makes); without one it is ignored and a missing day of month is the clock's day
/// (<c>MMDD</c> on <c>1216</c> gives December of the clock's year, on the clock's day). A zone or offset in the value
/// wins over the format's zone. Out-of-range fields (month 13, 31 June, hour 24) fail, as they do in Joda-Time.
/// </summary>
internal static class DateFieldsComposer
{
    private const long HalfYearMilliseconds = 365L * 12 * 60 * 60 * 1000;

    public static bool TryCompose(
        ref ParsedDateFields f, bool hasDateFields, DateZone formatZone, TimeProvider clock, out long epochMilliseconds)
    {
        if (!TryCompose(ref f, hasDateFields, formatZone, clock, yearShift: 0, out epochMilliseconds)) return false;
        if (!hasDateFields || !TakesItsYearFromTheClock(ref f)) return true;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var shift = epochMilliseconds - now > HalfYearMilliseconds ? -1 : now - epochMilliseconds > HalfYearMilliseconds ? 1 : 0;
        if (shift != 0 && TryCompose(ref f, hasDateFields, formatZone, clock, shift, out var shifted)) epochMilliseconds = shifted;
        return true;
    }

    /// <summary>A month and day without a year (nor a week date): the year comes from the clock.</summary>
    private static bool TakesItsYearFromTheClock(ref ParsedDateFields f) =>
        f.Month != ParsedDateFields.Unset && f.Year == ParsedDateFields.Unset && f.TwoDigitYear == ParsedDateFields.Unset
        && f.Century == ParsedDateFields.Unset && f.WeekYear == ParsedDateFields.Unset && f.TwoDigitWeekYear == ParsedDateFields.Unset
        && f.Week == ParsedDateFields.Unset;

    private static bool TryCompose(
        ref ParsedDateFields f, bool hasDateFields, DateZone formatZone, TimeProvider clock, int yearShift, out long epochMilliseconds)
    {
        epochMilliseconds = 0;
        long dayTicks;
        if (!hasDateFields)
        {
            dayTicks = DateTime.UnixEpoch.Ticks;
        }
        else if (!TryDate(ref f, formatZone, clock, yearShift, out dayTicks))
        {
            return false;
        }

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

    private static bool TryDate(ref ParsedDateFields f, DateZone formatZone, TimeProvider clock, int yearShift, out long dayTicks)
    {
        dayTicks = 0;
        int year;
        var valueHasYear = f.Year != ParsedDateFields.Unset || f.TwoDigitYear != ParsedDateFields.Unset || f.Century != ParsedDateFields.Unset;
        if (f.Year != ParsedDateFields.Unset) year = f.Year;
        else if (f.TwoDigitYear != ParsedDateFields.Unset)
            year = f.Century != ParsedDateFields.Unset ? (f.Century * 100) + f.TwoDigitYear : FromTwoDigits(f.TwoDigitYear);
        else if (f.Century != ParsedDateFields.Unset) year = f.Century * 100;
        else year = CurrentYear(clock, formatZone) + yearShift;

        if (f.Era == 0) year = 1 - year; // BC: outside what DateTime (and any log) holds, so it fails below.
        if (year is < 1 or > 9999) return false;

        var usesWeekDate = (f.WeekYear != ParsedDateFields.Unset || f.TwoDigitWeekYear != ParsedDateFields.Unset
                            || f.Week != ParsedDateFields.Unset || f.DayOfWeekNumber != ParsedDateFields.Unset)
                           && f.Month == ParsedDateFields.Unset && f.Day == ParsedDateFields.Unset
                           && f.DayOfYear == ParsedDateFields.Unset;
        if (usesWeekDate) return TryWeekDate(ref f, year, clock, formatZone, out dayTicks);

        if (f.DayOfYear != ParsedDateFields.Unset && (f.Month == ParsedDateFields.Unset || valueHasYear))
        {
            var daysInYear = DateTime.IsLeapYear(year) ? 366 : 365;
            if (f.DayOfYear < 1 || f.DayOfYear > daysInYear) return false;
            dayTicks = new DateTime(year, 1, 1).Ticks + ((f.DayOfYear - 1) * TimeSpan.TicksPerDay);
            return true;
        }

        var month = f.Month == ParsedDateFields.Unset ? 1 : f.Month;
        var day = f.Day != ParsedDateFields.Unset ? f.Day
            : f.DayOfYear != ParsedDateFields.Unset ? Today(clock, formatZone).Day
            : 1;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        dayTicks = new DateTime(year, month, day).Ticks;
        return true;
    }

    private static bool TryWeekDate(
        ref ParsedDateFields f, int year, TimeProvider clock, DateZone formatZone, out long dayTicks)
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

    /// <summary>The current year on the clock, in the format's zone.</summary>
    private static int CurrentYear(TimeProvider clock, DateZone formatZone) => Today(clock, formatZone).Year;

    /// <summary>The current day on the clock (midnight), in the format's zone.</summary>
    private static DateTime Today(TimeProvider clock, DateZone formatZone)
    {
        var now = clock.GetUtcNow().UtcTicks;
        return new DateTime(now + formatZone.OffsetTicksAtUtc(now), DateTimeKind.Unspecified).Date;
    }

    /// <summary>
    /// A two-digit year (<c>yy</c>) is 2000 to 2099, as java.time reads it (a reduced value on the base 2000), whatever
    /// the clock: Datadog's recorded integration results, made with a 1970 clock, read <c>17</c>…<c>21</c> as
    /// 2017…2021, which no window around the clock's year gives.
    /// </summary>
    public static int FromTwoDigits(int value) => 2000 + value;

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
