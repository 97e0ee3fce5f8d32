using GrokFlow.Engine.Values;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// The dates the date remapper reads, as epoch milliseconds (calibrated on Datadog's recorded results):
/// <list type="bullet">
/// <item>a number, or a string holding only a number, is epoch milliseconds whatever its size (a fraction is
/// dropped);</item>
/// <item>ISO 8601: <c>yyyy-MM-ddTHH:mm[:ss[.fraction]]</c> with <c>Z</c>, <c>±hh</c>, <c>±hhmm</c> or <c>±hh:mm</c>, UTC
/// when no zone is given (a space may stand for the <c>T</c>; a fraction beyond milliseconds is dropped);</item>
/// <item>RFC 3164 (syslog): <c>MMM d HH:mm:ss</c>, UTC, in the year that puts the day nearest the clock's (as the
/// grok <c>date</c> matcher reads a date without a year).</item>
/// </list>
/// Anything else (<c>2025/05/31 15:56:10</c>, arrays, objects) is not a date.
/// </summary>
public static class OfficialDateParser
{
    private static readonly byte[][] Months =
    [
        "jan"u8.ToArray(), "feb"u8.ToArray(), "mar"u8.ToArray(), "apr"u8.ToArray(), "may"u8.ToArray(), "jun"u8.ToArray(),
        "jul"u8.ToArray(), "aug"u8.ToArray(), "sep"u8.ToArray(), "oct"u8.ToArray(), "nov"u8.ToArray(), "dec"u8.ToArray(),
    ];

    public static bool TryParse(EventDocument document, int node, TimeProvider clock, out long epochMilliseconds)
    {
        epochMilliseconds = 0;
        var kind = document.KindOf(node);
        if (kind is not (EventValueKind.Number or EventValueKind.String)) return false;
        var text = document.TextOf(node);
        if (TryParseEpoch(text, out epochMilliseconds)) return true;
        return kind == EventValueKind.String && (TryParseIso8601(text, out epochMilliseconds) || TryParseRfc3164(text, clock, out epochMilliseconds));
    }

    private static bool TryParseEpoch(ReadOnlySpan<byte> text, out long epochMilliseconds)
    {
        // The usual text, a whole number (what a grok date capture gives), read in one pass: it has no dot or exponent.
        if (GrokNumbers.TryParseInteger(text, out epochMilliseconds)) return true;
        // Otherwise only whole digits after a dot are taken (the fraction dropped); without a dot nothing else is.
        var dot = text.IndexOf((byte)'.');
        if (dot < 0) return false;
        foreach (var b in text[(dot + 1)..])
        {
            if (b is < (byte)'0' or > (byte)'9') return false;
        }
        var integral = text[..dot];
        if (integral.IndexOfAny((byte)'e', (byte)'E') >= 0) return false;
        return GrokNumbers.TryParseInteger(integral, out epochMilliseconds);
    }

    public static bool TryParseIso8601(ReadOnlySpan<byte> s, out long epochMilliseconds)
    {
        epochMilliseconds = 0;
        if (s.Length < 16 || s[4] != '-' || s[7] != '-' || s[10] is not ((byte)'T' or (byte)' ') || s[13] != ':') return false;
        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute)) return false;
        var position = 16;
        var second = 0;
        var millisecond = 0;
        if (position < s.Length && s[position] == ':')
        {
            if (!Digits(s, position + 1, 2, out second)) return false;
            position += 3;
            if (position < s.Length && s[position] is (byte)'.' or (byte)',')
            {
                position++;
                var digits = 0;
                while (position < s.Length && s[position] is >= (byte)'0' and <= (byte)'9')
                {
                    if (digits < 3) millisecond = millisecond * 10 + (s[position] - '0');
                    digits++;
                    position++;
                }
                if (digits == 0) return false;
                for (var d = digits; d < 3; d++) millisecond *= 10;
            }
        }
        var offsetMinutes = 0;
        if (position < s.Length)
        {
            if (s[position] == 'Z' && position + 1 == s.Length) position++;
            else if (!TryParseOffset(s[position..], out offsetMinutes)) return false;
        }
        return TryCompose(year, month, day, hour, minute, second, millisecond, offsetMinutes, out epochMilliseconds);
    }

    /// <summary><c>±hh</c>, <c>±hhmm</c> or <c>±hh:mm</c>, the whole of <paramref name="s"/>.</summary>
    private static bool TryParseOffset(ReadOnlySpan<byte> s, out int minutes)
    {
        minutes = 0;
        if (s.Length < 3 || s[0] is not ((byte)'+' or (byte)'-') || !Digits(s, 1, 2, out var hours)) return false;
        var rest = 0;
        if (s.Length == 5 && !Digits(s, 3, 2, out rest)) return false;
        if (s.Length == 6 && (s[3] != ':' || !Digits(s, 4, 2, out rest))) return false;
        if (s.Length is not (3 or 5 or 6) || hours > 18 || rest > 59) return false;
        minutes = (s[0] == '-' ? -1 : 1) * (hours * 60 + rest);
        return true;
    }

    private static bool TryParseRfc3164(ReadOnlySpan<byte> s, TimeProvider clock, out long epochMilliseconds)
    {
        epochMilliseconds = 0;
        // "Jan  5 14:32:11" or "Jan 15 14:32:11"
        if (s.Length != 15 || s[3] != ' ' || s[6] != ' ' || s[9] != ':' || s[12] != ':') return false;
        var month = -1;
        for (var i = 0; i < Months.Length; i++)
        {
            if ((s[0] | 0x20) == Months[i][0] && (s[1] | 0x20) == Months[i][1] && (s[2] | 0x20) == Months[i][2]) month = i + 1;
        }
        if (month < 0) return false;
        var dayText = s[4] == ' ' ? s.Slice(5, 1) : s.Slice(4, 2);
        if (!Digits(dayText, 0, dayText.Length, out var day) || !Digits(s, 7, 2, out var hour)
            || !Digits(s, 10, 2, out var minute) || !Digits(s, 13, 2, out var second)) return false;
        return DateFieldsComposer.NearestYear(clock.GetUtcNow().UtcDateTime.Date, month, day) is { } year
               && TryCompose(year, month, day, hour, minute, second, 0, 0, out epochMilliseconds);
    }

    private static bool TryCompose(int year, int month, int day, int hour, int minute, int second, int millisecond, int offsetMinutes, out long epochMilliseconds)
    {
        epochMilliseconds = 0;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 60) return false;
        var days = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc).Ticks / TimeSpan.TicksPerDay - DateTime.UnixEpoch.Ticks / TimeSpan.TicksPerDay;
        epochMilliseconds = ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000L + second * 1000L + millisecond;
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length) return false;
        for (var i = start; i < start + count; i++)
        {
            var digit = s[i] - '0';
            if ((uint)digit > 9) return false;
            value = value * 10 + digit;
        }
        return true;
    }
}
