using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GrokFlow.Engine.Values;

/// <summary>
/// The last value one thread read with a <see cref="DateFormat"/> that has a <see cref="DateTimeSuffix"/>, kept by
/// the caller (the output workspace) so that the next value with the same text before its time fields (a log's lines
/// mostly share their day) is that value moved by the difference of the times, without reading the fields again.
/// </summary>
internal struct DateMemo
{
    /// <summary>The <see cref="DateFormat.ReadingKey"/> of the format that read the value; null when nothing is remembered.</summary>
    public string? Format;

    /// <summary>The clock's day when the value took its year from the clock (see <see cref="DateTimeSuffix.TakesYearFromClock"/>), else 0.</summary>
    public long ClockDay;

    /// <summary>The value's length in bytes.</summary>
    public int Length;

    /// <summary>
    /// The value's bytes before its time fields: the first eight (masked to those before the fields) and, when there
    /// are more than eight, the eight before the fields, from <see cref="TailAt"/> (0: none).
    /// </summary>
    public ulong Head, HeadMask, Tail;

    public int TailAt;

    /// <summary>The time fields of the value as seconds (hours, minutes and seconds as far as the suffix has them).</summary>
    public int Seconds;

    public long EpochMilliseconds;
}

/// <summary>
/// The fixed two-digit time fields a date pattern ends with (<c>HH:mm:ss</c>, <c>mm:ss</c> or <c>ss</c>), when every
/// value of the pattern with the same bytes before them is the same day in the same fixed offset: then a value is the
/// remembered one (<see cref="DateMemo"/>) moved by the difference of the fields. Only patterns whose result cannot
/// depend otherwise on those fields have one: a fixed zone (no tz database zone, no zone or offset in the value), a
/// calendar day named by a month and a day (and a year or the clock's), no hour of a half-day, no era, no fraction;
/// the text before the fields ends with a separator other than a digit, and no name of the pattern holds a digit, so
/// that no field before can read into them.
/// </summary>
internal sealed class DateTimeSuffix
{
    /// <summary>The earliest and latest epoch milliseconds of a <see cref="DateTime"/>, within which the composer gives a value.</summary>
    private const long MinEpochMilliseconds = -62_135_596_800_000, MaxEpochMilliseconds = 253_402_300_799_999;

    // The fields are read from the value's last eight bytes as one little-endian word: HH in bytes 0-1, a separator in
    // byte 2, mm in bytes 3-4, a separator in byte 5, ss in bytes 6-7 (a shorter suffix leaves the first bytes out).
    private const ulong HourBytes = 0x0000_0000_0000_FFFF, MinuteBytes = 0x0000_00FF_FF00_0000, SecondBytes = 0xFFFF_0000_0000_0000;
    private const ulong FirstSeparatorByte = 0x0000_0000_00FF_0000, SecondSeparatorByte = 0x0000_FF00_0000_0000;
    private const ulong Zeros = 0x3030_3030_3030_3030;

    /// <summary>The suffix's digit bytes in the word, and the word's bytes XOR-ed with what they must be ('0' for a digit).</summary>
    private readonly ulong digitBytes, separatorBytes, expected;
    private readonly long offsetTicks;

    private DateTimeSuffix(int fieldCount, byte firstSeparator, byte secondSeparator, bool takesYearFromClock, long offsetTicks)
    {
        digitBytes = SecondBytes | (fieldCount >= 2 ? MinuteBytes : 0) | (fieldCount == 3 ? HourBytes : 0);
        separatorBytes = (fieldCount >= 2 ? SecondSeparatorByte : 0) | (fieldCount == 3 ? FirstSeparatorByte : 0);
        expected = (Zeros & digitBytes) | ((ulong)secondSeparator << 40 & separatorBytes) | ((ulong)firstSeparator << 16 & separatorBytes);
        TakesYearFromClock = takesYearFromClock;
        this.offsetTicks = offsetTicks;
        Length = (3 * fieldCount) - 1;
    }

    /// <summary>The bytes the time fields take at the end of a value.</summary>
    public int Length { get; }

    /// <summary>Whether the values have no year: the year nearest the clock's day is taken, so the memo holds that day too.</summary>
    public bool TakesYearFromClock { get; }

    /// <summary>The suffix of a format's steps; null when the format has none (see the class remarks).</summary>
    public static DateTimeSuffix? For(DateStep[] steps, DateZone zone)
    {
        if (zone.FixedOffsetTicks is not { } offsetTicks) return null;
        bool month = false, day = false, year = false;
        foreach (var step in steps)
        {
            if (step.Kind is DateStepKind.ZoneName or DateStepKind.Offset or DateStepKind.Fraction) return null;
            if (step.Kind == DateStepKind.Name && step.Names!.Names.Any(CaseInsensitiveName.HoldsADigit)) return null;
            switch (step.Slot)
            {
                case DateSlot.Month: month = true; break;
                case DateSlot.Day: day = true; break;
                case DateSlot.Year or DateSlot.TwoDigitYear: year = true; break;
                case DateSlot.HourOfDay or DateSlot.Minute or DateSlot.Second or DateSlot.Ignored: break;
                default: return null;
            }
        }
        if (!month || !day) return null;

        // The trailing fields: ss, then mm with its separator, then HH with its.
        DateSlot[] order = [DateSlot.Second, DateSlot.Minute, DateSlot.HourOfDay];
        var count = 0;
        while (count < order.Length && count < steps.Length - 1)
        {
            var step = steps[^(count + 1)];
            if (step.Kind != DateStepKind.TwoDigits || step.Slot != order[count] || (count == 0 ? step.Then >= 0 : step.Then < 0)) break;
            count++;
        }
        if (count == 0 || !EndsWithSeparator(steps[^(count + 1)])) return null;
        var separators = steps[^count..^1].Select(s => (byte)s.Then).ToArray();
        return new DateTimeSuffix(count, separators.Length > 1 ? separators[^2] : (byte)0, separators.Length > 0 ? separators[^1] : (byte)0,
            !year, offsetTicks);
    }

    /// <summary>Whether a step ends with a byte no digit can be (so that nothing before the time fields reads into them).</summary>
    private static bool EndsWithSeparator(in DateStep step)
    {
        if (step.Then >= 0) return !Utf8Text.IsDigit((byte)step.Then);
        return step.Kind switch
        {
            DateStepKind.Byte => !Utf8Text.IsDigit(step.Byte),
            DateStepKind.Literal => !CaseInsensitiveName.HoldsADigit(step.Literal!),
            _ => false,
        };
    }

    /// <summary>
    /// The remembered value moved to <paramref name="utf8"/> when it has the remembered bytes before its time fields,
    /// and the fields are in range; false otherwise (the caller reads the value in full).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRecall(DateFormat format, ReadOnlySpan<byte> utf8, ref ClockReading clock, ref DateMemo memo, out long epochMilliseconds)
    {
        epochMilliseconds = 0;
        // A remembered value has at least eight bytes and at most sixteen before its time fields.
        if (!ReferenceEquals(memo.Format, format.ReadingKey) || utf8.Length != memo.Length) return false;
        ref var text = ref MemoryMarshal.GetReference(utf8);
        if ((Unsafe.ReadUnaligned<ulong>(ref text) & memo.HeadMask) != memo.Head
            || (memo.TailAt > 0 && Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref text, memo.TailAt)) != memo.Tail)) return false;
        if (TakesYearFromClock && ClockDay(ref clock) != memo.ClockDay) return false;
        if (!TryReadSeconds(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref text, utf8.Length - sizeof(ulong))), out var seconds)) return false;
        var moved = memo.EpochMilliseconds + ((seconds - memo.Seconds) * 1000L);
        if (moved is < MinEpochMilliseconds or > MaxEpochMilliseconds) return false;
        epochMilliseconds = moved;
        return true;
    }

    /// <summary>Remembers a value <paramref name="format"/> read in full, when its text is short enough to be remembered.</summary>
    public void Remember(DateFormat format, ReadOnlySpan<byte> utf8, ref ClockReading clock, long epochMilliseconds, ref DateMemo memo)
    {
        var prefix = utf8.Length - Length;
        if (prefix is < 1 or > 2 * sizeof(ulong) || utf8.Length < sizeof(ulong)
            || !TryReadSeconds(BinaryPrimitives.ReadUInt64LittleEndian(utf8[^sizeof(ulong)..]), out var seconds)) return;
        memo.HeadMask = prefix < sizeof(ulong) ? (1UL << (8 * prefix)) - 1 : ulong.MaxValue;
        memo.Head = BinaryPrimitives.ReadUInt64LittleEndian(utf8) & memo.HeadMask;
        memo.TailAt = prefix > sizeof(ulong) ? prefix - sizeof(ulong) : 0;
        memo.Tail = memo.TailAt > 0 ? BinaryPrimitives.ReadUInt64LittleEndian(utf8[memo.TailAt..]) : 0;
        memo.Format = format.ReadingKey;
        memo.Length = utf8.Length;
        memo.ClockDay = TakesYearFromClock ? ClockDay(ref clock) : 0;
        memo.Seconds = seconds;
        memo.EpochMilliseconds = epochMilliseconds;
    }

    /// <summary>The day the composer takes as today: the clock's, in the format's offset.</summary>
    private long ClockDay(ref ClockReading clock) => (clock.UtcTicks + offsetTicks) / TimeSpan.TicksPerDay;

    /// <summary>
    /// The time fields in a value's last eight bytes (<paramref name="word"/>) as seconds; false when a digit or
    /// separator is out of place or a field out of range (hour 24, minute or second 60).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryReadSeconds(ulong word, out int seconds)
    {
        var valid = DigitWord.TryRead(word, expected, digitBytes, separatorBytes, out var digits);
        var hours = (int)(((digits & 0xFF) * 10) + ((digits >> 8) & 0xFF));
        var minutes = (int)((((digits >> 24) & 0xFF) * 10) + ((digits >> 32) & 0xFF));
        var secondsField = (int)((((digits >> 48) & 0xFF) * 10) + (digits >> 56));
        seconds = (((hours * 60) + minutes) * 60) + secondsField;
        return valid && hours <= 23 && minutes <= 59 && secondsField <= 59;
    }
}
