using System.Globalization;

namespace GrokFlow.Language.Dates;

/// <summary>
/// Reads the timezone argument of <c>date("pattern", "timezone")</c>, and zone text found in values: the forms Datadog
/// documents (they restate Java's <c>ZoneId.of</c>): <c>GMT</c>, <c>UTC</c>, <c>UT</c>, <c>Z</c>; offsets <c>+h</c>,
/// <c>+hh</c>, <c>+hh:mm</c>, <c>+hhmm</c>, <c>+hh:mm:ss</c>, <c>+hhmmss</c> within ±18:00; those offsets after a
/// <c>UTC</c>, <c>GMT</c> or <c>UT</c> prefix; and tz database ids (<c>Europe/Paris</c>, <c>Etc/GMT+5</c> = UTC−5).
/// </summary>
internal static class TimeZoneArgument
{
    private const int MaxOffsetSeconds = 18 * 3600;

    /// <summary>
    /// Reads <paramref name="text"/> as a fixed offset (<paramref name="zone"/> null; 0 for UTC) or a tz database zone;
    /// false with a message naming the problem when it is neither.
    /// </summary>
    public static bool TryParse(string text, out int offsetSeconds, out TimeZoneInfo? zone, out string? error)
    {
        error = null;
        offsetSeconds = 0;
        zone = null;
        if (text is "UTC" or "GMT" or "UT" or "Z") return true;

        var prefix = text.StartsWith("UTC", StringComparison.Ordinal) || text.StartsWith("GMT", StringComparison.Ordinal) ? 3
            : text.StartsWith("UT", StringComparison.Ordinal) ? 2
            : 0;
        if (text.Length > prefix && text[prefix] is '+' or '-')
        {
            if (TryParseOffset(text.AsSpan(prefix), out offsetSeconds)) return true;
            error = $"invalid time zone offset \"{text}\": expected +h, +hh, +hh:mm, +hhmm, +hh:mm:ss or +hhmmss " +
                    "(or - instead of +), within -18:00..+18:00";
            return false;
        }

        // TimeZoneInfo caches zones ignoring case, so "europe/paris" would resolve once "Europe/Paris" had been seen;
        // tz ids are case-sensitive (as in Java's ZoneId.of), so the id found must be the one asked for.
        if (LooksLikeZoneId(text) && TimeZoneInfo.TryFindSystemTimeZoneById(text, out var found)
            && string.Equals(found.Id, text, StringComparison.Ordinal))
        {
            zone = found;
            return true;
        }

        error = $"unknown time zone \"{text}\": expected UTC, GMT, an offset such as +03:00, UTC+5, " +
                "or a tz database id such as Europe/Paris";
        return false;
    }

    /// <summary>Parses a signed offset in one of Java's <c>ZoneOffset.of</c> layouts into seconds.</summary>
    private static bool TryParseOffset(ReadOnlySpan<char> text, out int seconds)
    {
        seconds = 0;
        if (text.Length < 2 || text[0] is not ('+' or '-')) return false;
        var sign = text[0] == '-' ? -1 : 1;
        var body = text[1..];
        int hours, minutes = 0, secs = 0;
        switch (body.Length)
        {
            case 1 when Digits(body, 0, 1, out hours):
            case 2 when Digits(body, 0, 2, out hours):
                break;
            case 4 when Digits(body, 0, 2, out hours) && Digits(body, 2, 2, out minutes):
            case 5 when body[2] == ':' && Digits(body, 0, 2, out hours) && Digits(body, 3, 2, out minutes):
                break;
            case 6 when Digits(body, 0, 2, out hours) && Digits(body, 2, 2, out minutes) && Digits(body, 4, 2, out secs):
            case 8 when body[2] == ':' && body[5] == ':' && Digits(body, 0, 2, out hours)
                        && Digits(body, 3, 2, out minutes) && Digits(body, 6, 2, out secs):
                break;
            default:
                return false;
        }

        if (minutes > 59 || secs > 59) return false;
        var total = (hours * 3600) + (minutes * 60) + secs;
        if (total > MaxOffsetSeconds) return false;
        seconds = sign * total;
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, int start, int count, out int value) =>
        int.TryParse(text.Slice(start, count), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>tz database ids are letters, digits, '_', '+', '-' and '/'-separated parts; nothing that walks paths.</summary>
    private static bool LooksLikeZoneId(string text)
    {
        return text.Length > 0 && char.IsAsciiLetter(text[0]) && !text.Contains("//", StringComparison.Ordinal) && text[^1] != '/'
            && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '-' or '/');
    }
}
