using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GrokFlow.Language.Dates;

namespace GrokFlow.Engine.Values;

/// <summary>Where <see cref="ParsedDateFields"/> keeps one field; a reading step stores its value by this index.</summary>
internal enum DateSlot : byte
{
    Era, Century, Year, TwoDigitYear, WeekYear, TwoDigitWeekYear, Week, DayOfWeekNumber, DayOfYear, Month, Day, HalfDay,
    HourOfHalfDay, ClockHourOfHalfDay, HourOfDay, ClockHourOfDay, Minute, Second, Millisecond, OffsetSeconds,

    /// <summary>A field read and checked but not used (the day-of-week name).</summary>
    Ignored,
}

/// <summary>The raw field values read from one date value, before defaults, validation and zone conversion.</summary>
internal struct ParsedDateFields
{
    public const int Unset = int.MinValue;

    private SlotValues values;

    /// <summary>Zone read from a <c>z</c> field; null when the value had none.</summary>
    public DateZone? Zone;

    /// <summary>No field read yet: every one <see cref="Unset"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ParsedDateFields()
    {
        // Stores one by one: the native (AOT) build calls out for a span's Fill.
        values.Era = values.Century = values.Year = values.TwoDigitYear = values.WeekYear = values.TwoDigitWeekYear = Unset;
        values.Week = values.DayOfWeekNumber = values.DayOfYear = values.Month = values.Day = values.HalfDay = Unset;
        values.HourOfHalfDay = values.ClockHourOfHalfDay = values.HourOfDay = values.ClockHourOfDay = Unset;
        values.Minute = values.Second = values.Millisecond = values.OffsetSeconds = values.Ignored = Unset;
    }

    private const int SlotCount = (int)DateSlot.Ignored + 1;

    /// <summary>The field in a slot, to store what a step read.</summary>
    [UnscopedRef]
    public ref int this[DateSlot slot]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Unsafe.Add(ref values.Era, Math.Min((int)slot, SlotCount - 1));
    }

    public readonly int Era => values.Era;
    public readonly int Century => values.Century;
    public readonly int Year => values.Year;
    public readonly int TwoDigitYear => values.TwoDigitYear;
    public readonly int WeekYear => values.WeekYear;
    public readonly int TwoDigitWeekYear => values.TwoDigitWeekYear;
    public readonly int Week => values.Week;
    public readonly int DayOfWeekNumber => values.DayOfWeekNumber;
    public readonly int DayOfYear => values.DayOfYear;
    public readonly int Month => values.Month;
    public readonly int Day => values.Day;
    public readonly int HalfDay => values.HalfDay;
    public readonly int HourOfHalfDay => values.HourOfHalfDay;
    public readonly int ClockHourOfHalfDay => values.ClockHourOfHalfDay;
    public readonly int HourOfDay => values.HourOfDay;
    public readonly int ClockHourOfDay => values.ClockHourOfDay;
    public readonly int Minute => values.Minute;
    public readonly int Second => values.Second;
    public readonly int Millisecond => values.Millisecond;

    /// <summary>Offset read from a <c>Z</c> field, in seconds; <see cref="Unset"/> when the value had none.</summary>
    public readonly int OffsetSeconds => values.OffsetSeconds;

    /// <summary>The slot a field of this kind is stored in (a literal has none).</summary>
    public static DateSlot SlotOf(DateFieldKind kind) => kind switch
    {
        DateFieldKind.Era => DateSlot.Era,
        DateFieldKind.CenturyOfEra => DateSlot.Century,
        DateFieldKind.Year => DateSlot.Year,
        DateFieldKind.TwoDigitYear => DateSlot.TwoDigitYear,
        DateFieldKind.WeekYear => DateSlot.WeekYear,
        DateFieldKind.TwoDigitWeekYear => DateSlot.TwoDigitWeekYear,
        DateFieldKind.WeekOfWeekYear => DateSlot.Week,
        DateFieldKind.DayOfWeekNumber => DateSlot.DayOfWeekNumber,
        DateFieldKind.DayOfYear => DateSlot.DayOfYear,
        DateFieldKind.MonthNumber or DateFieldKind.MonthText => DateSlot.Month,
        DateFieldKind.DayOfMonth => DateSlot.Day,
        DateFieldKind.HalfDay => DateSlot.HalfDay,
        DateFieldKind.HourOfHalfDay => DateSlot.HourOfHalfDay,
        DateFieldKind.ClockHourOfHalfDay => DateSlot.ClockHourOfHalfDay,
        DateFieldKind.HourOfDay => DateSlot.HourOfDay,
        DateFieldKind.ClockHourOfDay => DateSlot.ClockHourOfDay,
        DateFieldKind.Minute => DateSlot.Minute,
        DateFieldKind.Second => DateSlot.Second,
        DateFieldKind.Fraction => DateSlot.Millisecond,
        DateFieldKind.ZoneOffset => DateSlot.OffsetSeconds,
        _ => DateSlot.Ignored, // the day-of-week name, a zone name (kept in Zone), a literal
    };

    /// <summary>The fields in <see cref="DateSlot"/> order, one int each and nothing else, so a slot indexes them.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct SlotValues
    {
        public int Era, Century, Year, TwoDigitYear, WeekYear, TwoDigitWeekYear, Week, DayOfWeekNumber, DayOfYear, Month, Day,
            HalfDay, HourOfHalfDay, ClockHourOfHalfDay, HourOfDay, ClockHourOfDay, Minute, Second, Millisecond, OffsetSeconds, Ignored;
    }
}
