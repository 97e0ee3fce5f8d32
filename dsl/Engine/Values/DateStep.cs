using GrokFlow.Language.Dates;

namespace GrokFlow.Engine.Values;

/// <summary>What a <see cref="DateStep"/> reads.</summary>
internal enum DateStepKind : byte
{
    /// <summary>One ASCII byte other than a letter (a space, a colon), which a case fold cannot reach.</summary>
    Byte,

    /// <summary>Exactly two digits (<c>dd</c>, <c>HH</c>, <c>mm</c>), the most common field.</summary>
    TwoDigits,

    /// <summary>Exactly <see cref="DateStep.MinDigits"/> digits (<c>yyyy</c>, <c>DDD</c>).</summary>
    Digits,

    /// <summary>Between <see cref="DateStep.MinDigits"/> and <see cref="DateStep.MaxDigits"/> digits, greedily (<c>d</c>, <c>H</c>).</summary>
    VariableDigits,

    /// <summary>A two-digit year that may come with four digits (then a full year, in <see cref="DateStep.FullYearSlot"/>), never three.</summary>
    TwoDigitYear,

    /// <summary>A month, day, half-day or era name.</summary>
    Name,

    /// <summary>Any other literal, matched ignoring case.</summary>
    Literal,

    /// <summary><c>Z</c>: an offset.</summary>
    Offset,

    /// <summary><c>z</c>: a zone id or abbreviation.</summary>
    ZoneName,

    /// <summary><c>S</c>: a fraction of a second.</summary>
    Fraction,
}

/// <summary>
/// One token of a date pattern compiled for reading: what it reads and where the value goes, decided once per format so
/// that reading a value is one pass over the steps with no per-token decisions left.
/// </summary>
internal readonly record struct DateStep(DateStepKind Kind, DateSlot Slot)
{
    public byte Byte { get; init; }
    public int MinDigits { get; init; }
    public int MaxDigits { get; init; }
    public DateSlot FullYearSlot { get; init; }
    public DateNameTable? Names { get; init; }
    public CaseInsensitiveName? Literal { get; init; }

    /// <summary>A byte the value must have right after this step (a <see cref="DateStepKind.Byte"/> step folded in), or -1.</summary>
    public int Then { get; init; } = -1;

    /// <summary>For a zone name: an offset field follows, so the name must not take an offset of its own (<c>GMT+5</c>).</summary>
    public bool BeforeOffset { get; init; }

    /// <summary>The steps of a pattern's tokens.</summary>
    public static DateStep[] Compile(DatePattern pattern)
    {
        var tokens = pattern.Tokens;
        var names = pattern.Names;
        var (months, days, halfDays, eras) = (new DateNameTable(names.Months), new DateNameTable(names.Days),
            new DateNameTable(names.HalfDays), new DateNameTable(names.Eras));
        var steps = new List<DateStep>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var slot = ParsedDateFields.SlotOf(token.Kind);
            var step = token.Kind switch
            {
                DateFieldKind.Literal when token.Literal is [var c] && char.IsAscii(c) && !char.IsAsciiLetter(c) =>
                    new DateStep(DateStepKind.Byte, slot) { Byte = (byte)c },
                DateFieldKind.Literal => new DateStep(DateStepKind.Literal, slot) { Literal = new CaseInsensitiveName(token.Literal, 0) },
                DateFieldKind.MonthText => new DateStep(DateStepKind.Name, slot) { Names = months },
                DateFieldKind.DayOfWeekText => new DateStep(DateStepKind.Name, slot) { Names = days },
                DateFieldKind.HalfDay => new DateStep(DateStepKind.Name, slot) { Names = halfDays },
                DateFieldKind.Era => new DateStep(DateStepKind.Name, slot) { Names = eras },
                DateFieldKind.ZoneOffset => new DateStep(DateStepKind.Offset, slot),
                DateFieldKind.ZoneName => new DateStep(DateStepKind.ZoneName, slot) { BeforeOffset = DateRegexBuilder.IsFollowedByOffset(tokens, i) },
                DateFieldKind.Fraction => new DateStep(DateStepKind.Fraction, slot) { MinDigits = token.MinDigits, MaxDigits = token.MaxDigits },
                DateFieldKind.TwoDigitYear or DateFieldKind.TwoDigitWeekYear => new DateStep(DateStepKind.TwoDigitYear, slot)
                {
                    MinDigits = token.MinDigits,
                    MaxDigits = token.MaxDigits,
                    FullYearSlot = token.Kind == DateFieldKind.TwoDigitYear ? DateSlot.Year : DateSlot.WeekYear,
                },
                _ => new DateStep(token.MinDigits != token.MaxDigits ? DateStepKind.VariableDigits
                    : token.MinDigits == 2 ? DateStepKind.TwoDigits : DateStepKind.Digits, slot)
                {
                    MinDigits = token.MinDigits,
                    MaxDigits = token.MaxDigits,
                },
            };
            // A separator after a field is checked by the field's step: one step fewer to dispatch per value.
            if (step.Kind == DateStepKind.Byte && steps is [.., { Then: < 0 } last]) steps[^1] = last with { Then = step.Byte };
            else steps.Add(step);
        }

        return [.. steps];
    }
}
