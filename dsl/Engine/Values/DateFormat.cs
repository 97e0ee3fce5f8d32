using System.Text;
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
    private readonly DateToken[] tokens;
    private readonly CaseInsensitiveName?[] literals;
    /// <summary>For each token that is one ASCII byte other than a letter (a space, a colon): that byte, which a case fold cannot reach; else -1.</summary>
    private readonly int[] literalBytes;
    /// <summary>For each token that is a plain numeric field of exactly two digits (<c>dd</c>, <c>HH</c>, <c>mm</c>): its kind, read inline; else null.</summary>
    private readonly DateFieldKind?[] twoDigitFields;
    private readonly NameTable months, days, halfDays, eras;
    private readonly DateZone zone;
    private readonly bool hasDateFields;
    private readonly bool[] followedByOffset;
    private readonly ZoneNameResolver zoneNames = new();
    private long nearestYearMemo;

    private DateFormat(DatePattern pattern)
    {
        this.pattern = pattern;
        tokens = pattern.Tokens;
        literals = tokens.Select(t => t.Kind == DateFieldKind.Literal ? new CaseInsensitiveName(t.Literal, 0) : null).ToArray();
        literalBytes = tokens.Select(t => t.Kind == DateFieldKind.Literal && t.Literal.Length == 1 && char.IsAscii(t.Literal[0])
            && !char.IsAsciiLetter(t.Literal[0]) ? t.Literal[0] : -1).ToArray();
        twoDigitFields = tokens.Select(t => t is { MinDigits: 2, MaxDigits: 2 } && IsPlainNumber(t.Kind) ? t.Kind : (DateFieldKind?)null).ToArray();
        (months, days, halfDays, eras) = (Matchable(pattern.Names.Months), Matchable(pattern.Names.Days),
            Matchable(pattern.Names.HalfDays), Matchable(pattern.Names.Eras));
        zone = pattern.TimeZone is null ? DateZone.Utc : DateZone.Parse(pattern.TimeZone, out _)!;
        hasDateFields = tokens.Any(t => IsDateField(t.Kind));
        followedByOffset = tokens.Select((_, i) => DateRegexBuilder.IsFollowedByOffset(tokens, i)).ToArray();
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
        return checkedPattern is null ? null : new DateFormat(checkedPattern);
    }

    /// <summary>
    /// Parses text that <see cref="RegexPattern"/> matched into epoch milliseconds. <paramref name="clock"/> supplies
    /// the year when the pattern has none. Returns false when a field is out of range (31 June) or a zone is unknown.
    /// </summary>
    public bool TryParse(ReadOnlySpan<byte> utf8, TimeProvider clock, out long epochMilliseconds)
    {
        epochMilliseconds = 0;
        var fields = ParsedDateFields.Empty;
        var position = 0;
        for (var index = 0; index < tokens.Length; index++)
        {
            if (literalBytes[index] is var literal and >= 0)
            {
                if ((uint)position >= (uint)utf8.Length || utf8[position] != literal) return false;
                position++;
                continue;
            }
            if (twoDigitFields[index] is { } field)
            {
                if ((uint)position + 1 >= (uint)utf8.Length || !Utf8Text.IsDigit(utf8[position]) || !Utf8Text.IsDigit(utf8[position + 1])) return false;
                fields.Set(field, ((utf8[position] - '0') * 10) + (utf8[position + 1] - '0'));
                position += 2;
                continue;
            }
            var length = ReadToken(index, followedByOffset[index], utf8[position..], ref fields);
            if (length < 0) return false;
            position += length;
        }

        return position == utf8.Length
               && DateFieldsComposer.TryCompose(ref fields, hasDateFields, zone, clock, ref nearestYearMemo, out epochMilliseconds);
    }

    public override string ToString() => Pattern;

    /// <summary>Reads one token at the start of <paramref name="text"/>; returns the bytes used, or -1.</summary>
    private int ReadToken(int index, bool beforeOffset, ReadOnlySpan<byte> text, ref ParsedDateFields fields)
    {
        ref readonly var token = ref tokens[index];
        switch (token.Kind)
        {
            case DateFieldKind.Literal:
                return literals[index]!.MatchAt(text);
            case DateFieldKind.MonthText:
                return ReadName(months, token.Kind, text, ref fields);
            case DateFieldKind.DayOfWeekText:
                return ReadName(days, token.Kind, text, ref fields);
            case DateFieldKind.HalfDay:
                return ReadName(halfDays, token.Kind, text, ref fields);
            case DateFieldKind.Era:
                return ReadName(eras, token.Kind, text, ref fields);
            case DateFieldKind.ZoneOffset:
                return ZoneText.ReadOffset(text, out fields.OffsetSeconds);
            case DateFieldKind.ZoneName:
                var nameLength = ZoneText.ScanName(text, allowOffset: !beforeOffset);
                if (nameLength <= 0 || !zoneNames.TryResolve(text[..nameLength], out var valueZone)) return -1;
                fields.Zone = valueZone;
                return nameLength;
            case DateFieldKind.Fraction:
                if (!Utf8Text.TryReadDigits(text, token.MinDigits, token.MaxDigits, out _, out var digits)) return -1;
                fields.Millisecond = Milliseconds(text[..digits]);
                return digits;
            default:
                if (!Utf8Text.TryReadDigits(text, token.MinDigits, token.MaxDigits, out var value, out var count)) return -1;
                var kind = token.Kind;
                if (count == 4 && kind == DateFieldKind.TwoDigitYear) kind = DateFieldKind.Year;
                else if (count == 4 && kind == DateFieldKind.TwoDigitWeekYear) kind = DateFieldKind.WeekYear;
                else if (count == 3 && kind is DateFieldKind.TwoDigitYear or DateFieldKind.TwoDigitWeekYear) return -1;
                fields.Set(kind, value);
                return count;
        }
    }

    private static NameTable Matchable(DateName[] names) => new(names.Select(n => new CaseInsensitiveName(n.Text, n.Value)).ToArray());

    private static int ReadName(NameTable table, DateFieldKind kind, ReadOnlySpan<byte> text, ref ParsedDateFields fields)
    {
        foreach (var name in table.Candidates(text))
        {
            var length = name.MatchAt(text);
            if (length < 0) continue;
            fields.Set(kind, name.Value);
            return length;
        }

        return -1;
    }

    /// <summary>
    /// Names in reading order (longest first), and for each ASCII byte the names that can start with it (either case of
    /// their first character): a month is found among the two or three names of its letter, not all twenty-three.
    /// Text starting outside ASCII tries every name (a character such as the Kelvin sign folds to an ASCII letter).
    /// </summary>
    private sealed class NameTable
    {
        private readonly CaseInsensitiveName[] all;
        private readonly CaseInsensitiveName[][] byFirstByte = new CaseInsensitiveName[128][];

        public NameTable(CaseInsensitiveName[] names)
        {
            all = names;
            for (var b = 0; b < 128; b++)
                byFirstByte[b] = names.Where(n => CanStartWith(n, new Rune(b))).ToArray();
        }

        /// <summary>The test <see cref="Utf8Text.MatchIgnoreCase"/> puts to the first character.</summary>
        private static bool CanStartWith(CaseInsensitiveName name, Rune first) =>
            first == name.Lower[0] || first == name.Upper[0]
            || Rune.ToLowerInvariant(first) == name.Lower[0] || Rune.ToUpperInvariant(first) == name.Upper[0];

        public CaseInsensitiveName[] Candidates(ReadOnlySpan<byte> text) =>
            text.IsEmpty ? [] : text[0] < 0x80 ? byFirstByte[text[0]] : all;
    }

    /// <summary>A fraction of a second truncated to milliseconds: ".5" is 500, ".123456789" is 123.</summary>
    private static int Milliseconds(ReadOnlySpan<byte> digits)
    {
        var ms = 0;
        for (var i = 0; i < 3; i++) ms = (ms * 10) + (i < digits.Length ? digits[i] - '0' : 0);
        return ms;
    }

    /// <summary>A numeric field <see cref="ReadToken"/> reads as its digits alone (not a fraction, nor a year whose digit count changes its kind).</summary>
    private static bool IsPlainNumber(DateFieldKind kind) => kind is DateFieldKind.CenturyOfEra or DateFieldKind.Year
        or DateFieldKind.WeekYear or DateFieldKind.WeekOfWeekYear or DateFieldKind.DayOfWeekNumber or DateFieldKind.DayOfYear
        or DateFieldKind.MonthNumber or DateFieldKind.DayOfMonth or DateFieldKind.HourOfDay or DateFieldKind.ClockHourOfDay
        or DateFieldKind.HourOfHalfDay or DateFieldKind.ClockHourOfHalfDay or DateFieldKind.Minute or DateFieldKind.Second;

    private static bool IsDateField(DateFieldKind kind) => kind is DateFieldKind.CenturyOfEra or DateFieldKind.Year
        or DateFieldKind.TwoDigitYear or DateFieldKind.WeekYear or DateFieldKind.TwoDigitWeekYear
        or DateFieldKind.WeekOfWeekYear or DateFieldKind.DayOfWeekNumber or DateFieldKind.DayOfYear
        or DateFieldKind.MonthNumber or DateFieldKind.MonthText or DateFieldKind.DayOfMonth;
}
