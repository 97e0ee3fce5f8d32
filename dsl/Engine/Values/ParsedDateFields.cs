using GrokFlow.Language.Dates;

namespace GrokFlow.Engine.Values;

/// <summary>The raw field values read from one date value, before defaults, validation and zone conversion.</summary>
internal struct ParsedDateFields
{
    public const int Unset = int.MinValue;

    public int Era;
    public int Century;
    public int Year;
    public int TwoDigitYear;
    public int WeekYear;
    public int TwoDigitWeekYear;
    public int Week;
    public int DayOfWeekNumber;
    public int DayOfYear;
    public int Month;
    public int Day;
    public int HalfDay;
    public int HourOfHalfDay;
    public int ClockHourOfHalfDay;
    public int HourOfDay;
    public int ClockHourOfDay;
    public int Minute;
    public int Second;
    public int Millisecond;

    /// <summary>Offset read from a <c>Z</c> field, in seconds; <see cref="Unset"/> when the value had none.</summary>
    public int OffsetSeconds;

    /// <summary>Zone read from a <c>z</c> field; null when the value had none.</summary>
    public DateZone? Zone;

    public static ParsedDateFields Empty => new()
    {
        Era = Unset, Century = Unset, Year = Unset, TwoDigitYear = Unset, WeekYear = Unset, TwoDigitWeekYear = Unset,
        Week = Unset, DayOfWeekNumber = Unset, DayOfYear = Unset, Month = Unset, Day = Unset, HalfDay = Unset,
        HourOfHalfDay = Unset, ClockHourOfHalfDay = Unset, HourOfDay = Unset, ClockHourOfDay = Unset, Minute = Unset,
        Second = Unset, Millisecond = Unset, OffsetSeconds = Unset,
    };

    public void Set(DateFieldKind kind, int value)
    {
        switch (kind)
        {
            case DateFieldKind.Era: Era = value; break;
            case DateFieldKind.CenturyOfEra: Century = value; break;
            case DateFieldKind.Year: Year = value; break;
            case DateFieldKind.TwoDigitYear: TwoDigitYear = value; break;
            case DateFieldKind.WeekYear: WeekYear = value; break;
            case DateFieldKind.TwoDigitWeekYear: TwoDigitWeekYear = value; break;
            case DateFieldKind.WeekOfWeekYear: Week = value; break;
            case DateFieldKind.DayOfWeekNumber: DayOfWeekNumber = value; break;
            case DateFieldKind.DayOfYear: DayOfYear = value; break;
            case DateFieldKind.MonthNumber or DateFieldKind.MonthText: Month = value; break;
            case DateFieldKind.DayOfMonth: Day = value; break;
            case DateFieldKind.HalfDay: HalfDay = value; break;
            case DateFieldKind.HourOfHalfDay: HourOfHalfDay = value; break;
            case DateFieldKind.ClockHourOfHalfDay: ClockHourOfHalfDay = value; break;
            case DateFieldKind.HourOfDay: HourOfDay = value; break;
            case DateFieldKind.ClockHourOfDay: ClockHourOfDay = value; break;
            case DateFieldKind.Minute: Minute = value; break;
            case DateFieldKind.Second: Second = value; break;
            case DateFieldKind.Fraction: Millisecond = value; break;
        }
    }
}
