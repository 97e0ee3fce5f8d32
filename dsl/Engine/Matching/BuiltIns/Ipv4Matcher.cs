namespace GrokFlow.Engine.Matching.BuiltIns;

/// <summary>
/// <c>%{ipv4}</c>: <c>(?&lt;![0-9])O.O.O.O(?![0-9])</c> with <c>O = 25[0-5]|2[0-4][0-9]|[0-1]?[0-9]{1,2}</c>. Each octet
/// is followed by a dot or by a non-digit, so it takes its whole digit run: there is at most one end.
/// </summary>
public sealed class Ipv4Matcher : ISubMatcher, IEndScanner
{
    /// <summary>The one end, found directly: one step, as <see cref="Scan"/> takes.</summary>
    public static int FirstEnd(ReadOnlySpan<byte> input, int pos, ref int budget) => --budget < 0 ? -2 : End(input, pos);

    public static int Ends(ReadOnlySpan<byte> input, int pos, Span<int> ends, ref int budget) => EndScan.All<Ipv4Matcher>(input, pos, ends, ref budget);

    public static bool Scan(ref MatchState s, int pos)
    {
        if (!s.Step()) return true;
        var end = End(s.Input, pos);
        return end >= 0 && EndScan.Record(ref s, end);
    }

    /// <summary>Where the address at <paramref name="pos"/> ends, or -1.</summary>
    private static int End(ReadOnlySpan<byte> input, int pos)
    {
        if (pos > 0 && ByteRuns.IsDigit(input[pos - 1])) return -1;
        for (var octet = 0; ; octet++)
        {
            var digits = ByteRuns.Digits(input, pos);
            if (!IsOctet(input.Slice(pos, digits))) return -1;
            pos += digits;
            if (octet == 3) return pos;
            if (!ByteRuns.At(input, pos, (byte)'.')) return -1;
            pos++;
        }
    }

    /// <summary>One, two, or three digits starting 0, 1, 2[0-4] or 25[0-5].</summary>
    private static bool IsOctet(ReadOnlySpan<byte> d) => d.Length switch
    {
        1 or 2 => true,
        3 => d[0] <= '1' || (d[0] == '2' && (d[1] < '5' || (d[1] == '5' && d[2] <= '5'))),
        _ => false,
    };
}
