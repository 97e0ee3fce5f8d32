namespace GrokFlow.Engine.Matching.BuiltIns;

/// <summary>
/// <c>%{ipv4}</c>: <c>(?&lt;![0-9])O.O.O.O(?![0-9])</c> with <c>O = 25[0-5]|2[0-4][0-9]|[0-1]?[0-9]{1,2}</c>. Each octet
/// is followed by a dot or by a non-digit, so it takes its whole digit run: there is at most one end.
/// </summary>
public sealed class Ipv4Matcher : ISubMatcher, IEndScanner
{
    public static int FirstEnd(ReadOnlySpan<byte> input, int pos, ref int budget) => EndScan.First<Ipv4Matcher>(input, pos, ref budget);

    public static int Ends(ReadOnlySpan<byte> input, int pos, Span<int> ends, ref int budget) => EndScan.All<Ipv4Matcher>(input, pos, ends, ref budget);

    public static bool Scan(ref MatchState s, int pos)
    {
        if (!s.Step()) return true;
        var input = s.Input;
        if (pos > 0 && ByteRuns.IsDigit(input[pos - 1])) return false;
        for (var octet = 0; ; octet++)
        {
            var digits = ByteRuns.Digits(input, pos);
            if (!IsOctet(input.Slice(pos, digits))) return false;
            pos += digits;
            if (octet == 3) return EndScan.Record(ref s, pos);
            if (!ByteRuns.At(input, pos, (byte)'.')) return false;
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
