using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GrokFlow.Engine.Output;

/// <summary>
/// Decimal digits of unsigned numbers, two at a time from a table: the text invariant formatting gives, without its
/// format parsing and culture look-up. The event writers (<see cref="JsonMemberRun"/>) and the flow writer
/// (<see cref="NetFlow.FlowJsonWriter"/>) write their numbers and times with it.
/// </summary>
internal static class DecimalDigits
{
    /// <summary>How many digits <paramref name="value"/> has (1 for 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Count(ulong value)
    {
        // floor(log10) from the bit length (1233/4096 ~ log10 2), corrected by one comparison.
        var estimate = (64 - BitOperations.LeadingZeroCount(value | 1)) * 1233 >> 12;
        return estimate + (value >= PowersOfTen[estimate] ? 1 : 0) + (value == 0 ? 1 : 0);
    }

    /// <summary>Writes the <see cref="Count"/> digits of <paramref name="value"/> at <paramref name="target"/>; returns how many.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(ulong value, ref byte target)
    {
        var count = Count(value);
        var at = count;
        // Eight digits per 64-bit division, then pairs in 32-bit arithmetic (each quotient used for its remainder too).
        while (value > uint.MaxValue)
        {
            var high = value / 100_000_000;
            var eight = (uint)(value - high * 100_000_000);
            value = high;
            var upper = eight / 10_000;
            var lower = eight - upper * 10_000;
            at -= 8;
            WritePair(upper / 100, ref Unsafe.Add(ref target, at));
            WritePair(upper % 100, ref Unsafe.Add(ref target, at + 2));
            WritePair(lower / 100, ref Unsafe.Add(ref target, at + 4));
            WritePair(lower % 100, ref Unsafe.Add(ref target, at + 6));
        }
        var rest = (uint)value;
        while (rest >= 100)
        {
            var next = rest / 100;
            at -= 2;
            WritePair(rest - next * 100, ref Unsafe.Add(ref target, at));
            rest = next;
        }
        if (rest >= 10) WritePair(rest, ref target);
        else target = (byte)('0' + rest);
        return count;
    }

    /// <summary>Fills <paramref name="digits"/> with <paramref name="value"/>, zero padded on the left (a time's fixed-width fields).</summary>
    public static void WritePadded(Span<byte> digits, ulong value)
    {
        var at = digits.Length;
        while (at >= 2)
        {
            var quotient = value / 100;
            at -= 2;
            WritePair((uint)(value - quotient * 100), ref digits[at]);
            value = quotient;
        }
        if (at == 1) digits[0] = (byte)('0' + value % 10);
    }

    /// <summary>00..99 (<paramref name="pair"/> below 100) with one 2-byte store.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WritePair(uint pair, ref byte target) =>
        Unsafe.WriteUnaligned(ref target, Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref MemoryMarshal.GetReference(Pairs), (nint)(pair * 2))));

    private static ReadOnlySpan<ulong> PowersOfTen =>
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ];

    private static ReadOnlySpan<byte> Pairs =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;
}
