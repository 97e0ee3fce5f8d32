namespace GrokFlow.Engine.Values;

/// <summary>
/// A whole number below 10^15 as Datadog prints the double that holds it: its digits and <c>.0</c> (<c>30.0</c>,
/// <c>-9024.0</c>), written two digits at a time instead of through the BCL's general integer formatter.
/// </summary>
internal static class WholeNumberText
{
    private static ReadOnlySpan<byte> DigitPairs =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    /// <summary>False, with nothing written, when <paramref name="destination"/> is too short.</summary>
    public static bool TryFormat(long value, Span<byte> destination, out int length)
    {
        var negative = value < 0;
        var magnitude = (ulong)(negative ? -value : value);
        var digits = CountDigits(magnitude);
        length = (negative ? 1 : 0) + digits + 2;
        if (length > destination.Length)
        {
            length = 0;
            return false;
        }
        if (negative) destination[0] = (byte)'-';
        destination[length - 2] = (byte)'.';
        destination[length - 1] = (byte)'0';
        var at = length - 2;
        while (magnitude >= 10)
        {
            var pair = (int)(magnitude % 100) * 2;
            magnitude /= 100;
            destination[--at] = DigitPairs[pair + 1];
            destination[--at] = DigitPairs[pair];
        }
        if (at > (negative ? 1 : 0)) destination[--at] = (byte)('0' + (int)magnitude);
        return true;
    }

    private static int CountDigits(ulong value)
    {
        var digits = 1;
        while (value >= 10_000)
        {
            value /= 10_000;
            digits += 4;
        }
        return value >= 100 ? (value >= 1_000 ? digits + 3 : digits + 2) : (value >= 10 ? digits + 1 : digits);
    }
}
