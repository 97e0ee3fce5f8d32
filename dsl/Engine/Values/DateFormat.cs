using System.Runtime.CompilerServices;
using GrokFlow.Language.Dates;

namespace GrokFlow.Engine.Values;

/// <summary>
/// A compiled Datadog <c>date("pattern"[, "timezone"[, "locale"]])</c> matcher: the regex that finds the date text, and
/// the parser that turns that text into epoch milliseconds. Patterns use Joda-Time letters (grok-dialect spec §4).
/// Compile once; <see cref="TryParse"/> is thread-safe and allocation-free (a zone id seen for the first time in a
/// value is resolved and remembered once).
/// </summary>
public sealed class DateFormat
{
    private readonly DatePattern pattern;
    private readonly DateStep[] steps;
    private readonly DateZone zone;
    private readonly bool hasDateFields;
    private readonly ZoneNameResolver zoneNames = new();
    private readonly DateTimeSuffix? timeSuffix;
    private long nearestDayMemo;

    private DateFormat(DatePattern pattern, string readingKey)
    {
        this.pattern = pattern;
        ReadingKey = readingKey;
        steps = DateStep.Compile(pattern);
        zone = pattern.TimeZone is null ? DateZone.Utc : DateZone.Parse(pattern.TimeZone, out _)!;
        hasDateFields = pattern.Tokens.Any(t => IsDateField(t.Kind));
        timeSuffix = DateTimeSuffix.For(steps, zone);
    }

    /// <summary>The Joda-Time pattern this format was compiled from.</summary>
    public string Pattern => pattern.Pattern;

    /// <summary>The zone applied to values that carry none (UTC unless the timezone argument says otherwise).</summary>
    public string TimeZoneName => zone.Name;

    /// <summary>The regex matching the date text (<see cref="DatePattern.RegexPattern"/>).</summary>
    public string RegexPattern => pattern.RegexPattern;

    /// <summary>
    /// Compiles a pattern with an optional timezone argument and locale (English when null). Returns null and a message
    /// naming the problem when a letter, the timezone or the locale is not supported.
    /// </summary>
    public static DateFormat? Compile(string pattern, string? timeZone, string? locale, out string? error)
    {
        var checkedPattern = DatePattern.Compile(pattern, timeZone, locale, out error);
        // Interned, so that formats compiled apart from the same arguments (each rule compiles its own) share it by reference.
        return checkedPattern is null ? null : new DateFormat(checkedPattern, string.Intern($"{pattern}\0{timeZone}\0{locale}"));
    }

    /// <summary>
    /// Parses text that <see cref="RegexPattern"/> matched into epoch milliseconds. <paramref name="clock"/> supplies
    /// the year when the pattern has none. Returns false when a field is out of range (31 June) or a zone is unknown.
    /// </summary>
    public bool TryParse(ReadOnlySpan<byte> utf8, TimeProvider clock, out long epochMilliseconds)
    {
        var reading = new ClockReading(clock);
        return TryParseFields(utf8, ref reading, out epochMilliseconds);
    }

    /// <summary>
    /// <see cref="TryParse(ReadOnlySpan{byte}, TimeProvider, out long)"/> for one thread, which keeps
    /// <paramref name="memo"/>: a value that shares the last one's text up to its time fields is the last one moved by
    /// the difference of the times (see <see cref="DateTimeSuffix"/>), without reading its fields again.
    /// </summary>
    internal bool TryParse(ReadOnlySpan<byte> utf8, TimeProvider clock, ref DateMemo memo, out long epochMilliseconds)
    {
        // The clock is read once at most, as without the memo.
        var reading = new ClockReading(clock);
        if (timeSuffix is null) return TryParseFields(utf8, ref reading, out epochMilliseconds);
        if (timeSuffix.TryRecall(this, utf8, ref reading, ref memo, out epochMilliseconds)) return true;
        if (!TryParseFields(utf8, ref reading, out epochMilliseconds)) return false;
        timeSuffix.Remember(this, utf8, ref reading, epochMilliseconds, ref memo);
        return true;
    }

    /// <summary>
    /// The same reference for every format compiled from the same pattern, timezone and locale: they read every value
    /// alike, so one's <see cref="DateMemo"/> serves the others.
    /// </summary>
    internal string ReadingKey { get; }

    /// <summary>Whether values of this format can be remembered (see <see cref="DateTimeSuffix"/>).</summary>
    internal bool HasTimeSuffix => timeSuffix is not null;

    private bool TryParseFields(ReadOnlySpan<byte> utf8, ref ClockReading clock, out long epochMilliseconds)
    {
        epochMilliseconds = 0;
        var fields = new ParsedDateFields();
        var position = 0;
        foreach (ref readonly var step in steps.AsSpan())
        {
            switch (step.Kind)
            {
                case DateStepKind.Byte:
                    if ((uint)position >= (uint)utf8.Length || utf8[position] != step.Byte) return false;
                    position++;
                    break;
                case DateStepKind.TwoDigits:
                    if ((uint)position + 1 >= (uint)utf8.Length) return false;
                    uint tens = (uint)(utf8[position] - '0'), units = (uint)(utf8[position + 1] - '0');
                    if ((tens > 9) | (units > 9)) return false;
                    fields[step.Slot] = (int)((tens * 10) + units);
                    position += 2;
                    break;
                case DateStepKind.Digits:
                    if (!Utf8Text.TryReadDigits(utf8[position..], step.MinDigits, step.MinDigits, out fields[step.Slot], out _)) return false;
                    position += step.MinDigits;
                    break;
                case DateStepKind.Name:
                    var nameLength = step.Names!.Read(utf8[position..], out fields[step.Slot]);
                    if (nameLength < 0) return false;
                    position += nameLength;
                    break;
                default:
                    var length = ReadStep(in step, utf8[position..], ref fields);
                    if (length < 0) return false;
                    position += length;
                    break;
            }

            if (step.Then < 0) continue;
            if ((uint)position >= (uint)utf8.Length || utf8[position] != step.Then) return false;
            position++;
        }

        return position == utf8.Length
               && DateFieldsComposer.TryCompose(ref fields, hasDateFields, zone, ref clock, ref nearestDayMemo, out epochMilliseconds);
    }

    public override string ToString() => Pattern;

    /// <summary>Reads one of the less common steps at the start of <paramref name="text"/>; returns the bytes used, or -1.</summary>
    private int ReadStep(in DateStep step, ReadOnlySpan<byte> text, ref ParsedDateFields fields)
    {
        switch (step.Kind)
        {
            case DateStepKind.Literal:
                return step.Literal!.MatchAt(text);
            case DateStepKind.Offset:
                return ZoneText.ReadOffset(text, out fields[DateSlot.OffsetSeconds]);
            case DateStepKind.ZoneName:
                var nameLength = ZoneText.ScanName(text, allowOffset: !step.BeforeOffset);
                if (nameLength <= 0 || !zoneNames.TryResolve(text[..nameLength], out var valueZone)) return -1;
                fields.Zone = valueZone;
                return nameLength;
            case DateStepKind.Fraction:
                if (!Utf8Text.TryReadDigits(text, step.MinDigits, step.MaxDigits, out _, out var digits)) return -1;
                fields[DateSlot.Millisecond] = Milliseconds(text[..digits]);
                return digits;
            case DateStepKind.TwoDigitYear:
                if (!Utf8Text.TryReadDigits(text, step.MinDigits, step.MaxDigits, out var year, out var yearDigits) || yearDigits == 3) return -1;
                fields[yearDigits == 4 ? step.FullYearSlot : step.Slot] = year;
                return yearDigits;
            default: // VariableDigits
                if (!Utf8Text.TryReadDigits(text, step.MinDigits, step.MaxDigits, out var value, out var count)) return -1;
                fields[step.Slot] = value;
                return count;
        }
    }

    /// <summary>A fraction of a second truncated to milliseconds: ".5" is 500, ".123456789" is 123.</summary>
    private static int Milliseconds(ReadOnlySpan<byte> digits)
    {
        var ms = 0;
        for (var i = 0; i < 3; i++) ms = (ms * 10) + (i < digits.Length ? digits[i] - '0' : 0);
        return ms;
    }

    private static bool IsDateField(DateFieldKind kind) => kind is DateFieldKind.CenturyOfEra or DateFieldKind.Year
        or DateFieldKind.TwoDigitYear or DateFieldKind.WeekYear or DateFieldKind.TwoDigitWeekYear
        or DateFieldKind.WeekOfWeekYear or DateFieldKind.DayOfWeekNumber or DateFieldKind.DayOfYear
        or DateFieldKind.MonthNumber or DateFieldKind.MonthText or DateFieldKind.DayOfMonth;
}
