using System.Runtime.CompilerServices;

namespace GrokFlow.Engine.Matching.BuiltIns;

/// <summary>
/// <c>%{numberStr}</c> and <c>%{number}</c>: <c>[+-]?(?&gt;[0-9]+(?:\.(?:[0-9]*)?)?|\.[0-9]+)</c>. The body is atomic
/// and a sign cannot start it, so there is at most one end.
/// </summary>
public readonly struct NumberStrMatcher : ISubMatcher, IEndScanner
{
    /// <summary>The one end, found directly: one step, as <see cref="Scan"/> takes.</summary>
    public static int FirstEnd(ReadOnlySpan<byte> input, int pos, ref int budget) => --budget < 0 ? -2 : End(input, pos);

    public static int Ends(ReadOnlySpan<byte> input, int pos, Span<int> ends, ref int budget) => EndScan.One(End(input, pos), ends, ref budget);

    public static bool Scan(ref MatchState s, int pos)
    {
        if (!s.Step()) return true;
        var end = End(s.Input, pos);
        return end >= 0 && EndScan.Record(ref s, end);
    }

    /// <summary>Where the (atomic) number at <paramref name="pos"/> ends, or -1.</summary>
    /// <remarks>
    /// Most numbers are short unsigned integers (priorities, process ids, ports): digits followed by a byte other than a
    /// dot are read byte by byte here, without a call, so this path needs no saved registers.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int End(ReadOnlySpan<byte> input, int pos)
    {
        var end = pos;
        while ((uint)end < (uint)input.Length && ByteRuns.IsDigit(input[end])) end++;
        if (end > pos && (uint)end < (uint)input.Length && input[end] != '.') return end;
        return GeneralEnd(input, pos);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int GeneralEnd(ReadOnlySpan<byte> input, int pos)
    {
        if ((uint)pos < (uint)input.Length && input[pos] is (byte)'+' or (byte)'-') pos++;
        var digits = ByteRuns.Digits(input, pos);
        if (digits > 0)
        {
            pos += digits;
            return ByteRuns.At(input, pos, (byte)'.') ? pos + 1 + ByteRuns.Digits(input, pos + 1) : pos;
        }
        if (!ByteRuns.At(input, pos, (byte)'.')) return -1;
        var fraction = ByteRuns.Digits(input, pos + 1);
        return fraction > 0 ? pos + 1 + fraction : -1;
    }
}

/// <summary>
/// <c>%{numberExtStr}</c> and <c>%{numberExt}</c>: the atomic number, then <c>(?:[eE][+-]?[0-9]+)?</c>, whose digits
/// give back one at a time (longest first) before the exponent is dropped.
/// </summary>
public readonly struct NumberExtStrMatcher : ISubMatcher, IEndScanner
{
    public static int FirstEnd(ReadOnlySpan<byte> input, int pos, ref int budget) => EndScan.First<NumberExtStrMatcher>(input, pos, ref budget);

    public static int Ends(ReadOnlySpan<byte> input, int pos, Span<int> ends, ref int budget) => EndScan.All<NumberExtStrMatcher>(input, pos, ends, ref budget);

    public static bool Scan(ref MatchState s, int pos)
    {
        if (!s.Step()) return true;
        var input = s.Input;
        var end = NumberStrMatcher.End(input, pos);
        if (end < 0) return false;
        if ((uint)end < (uint)input.Length && (input[end] | 0x20) == 'e')
        {
            var digitsAt = end + 1;
            if ((uint)digitsAt < (uint)input.Length && input[digitsAt] is (byte)'+' or (byte)'-') digitsAt++;
            for (var e = digitsAt + ByteRuns.Digits(input, digitsAt); e > digitsAt; e--)
                if (EndScan.Record(ref s, e)) return true;
        }
        return EndScan.Record(ref s, end);
    }
}
