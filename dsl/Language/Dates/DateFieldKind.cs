namespace GrokFlow.Language.Dates;

/// <summary>What one element of a compiled Joda-Time date pattern reads from the text.</summary>
internal enum DateFieldKind : byte
{
    Literal,
    Era,
    CenturyOfEra,
    Year,
    TwoDigitYear,
    WeekYear,
    TwoDigitWeekYear,
    WeekOfWeekYear,
    DayOfWeekNumber,
    DayOfWeekText,
    DayOfYear,
    MonthNumber,
    MonthText,
    DayOfMonth,
    HalfDay,
    HourOfHalfDay,
    ClockHourOfHalfDay,
    HourOfDay,
    ClockHourOfDay,
    Minute,
    Second,
    Fraction,
    ZoneOffset,
    ZoneName,
}
