using System.Runtime.CompilerServices;

namespace GrokFlow.Engine.Matching.BuiltIns;

/// <summary><c>%{ip}</c>: <c>(?:%{ipv6}|%{ipv4})</c>.</summary>
public readonly struct IpMatcher : ISubMatcher, IEndScanner
{
    /// <summary>The first end of the first alternative that has one, as <see cref="Scan"/> finds it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FirstEnd(ReadOnlySpan<byte> input, int pos, ref int budget)
    {
        // Both addresses start with a hex digit or ':'; other text (a host name) fails each after its first step.
        if ((uint)pos < (uint)input.Length && !ByteRuns.IsHex(input[pos]) && input[pos] != ':')
            return --budget < 0 || --budget < 0 ? -2 : -1;
        var end = Ipv6Matcher.FirstEnd(input, pos, ref budget);
        return end != -1 ? end : Ipv4Matcher.FirstEnd(input, pos, ref budget);
    }

    public static int Ends(ReadOnlySpan<byte> input, int pos, Span<int> ends, ref int budget) => EndScan.All<IpMatcher>(input, pos, ends, ref budget);

    public static bool Scan(ref MatchState s, int pos) => Ipv6Matcher.Scan(ref s, pos) || Ipv4Matcher.Scan(ref s, pos);
}

/// <summary><c>%{ipOrHost}</c>: <c>(?:%{ip}|%{host})</c>.</summary>
public readonly struct IpOrHostMatcher : ISubMatcher, IEndScanner
{
    /// <summary>The first end of the first alternative that has one, as <see cref="Scan"/> finds it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FirstEnd(ReadOnlySpan<byte> input, int pos, ref int budget)
    {
        var end = IpMatcher.FirstEnd(input, pos, ref budget);
        return end != -1 ? end : HostnameMatcher.FirstEnd(input, pos, ref budget);
    }

    /// <summary>
    /// As <see cref="EndScan.All{TScanner}"/> lists them; text that can start no address (most host names) costs the
    /// two address scans one step each and gives no end, so the host name's ends are listed directly.
    /// </summary>
    public static int Ends(ReadOnlySpan<byte> input, int pos, Span<int> ends, ref int budget)
    {
        if (Ipv6Matcher.CanStart(input, pos) || Ipv4Matcher.End(input, pos) >= 0) return EndScan.All<IpOrHostMatcher>(input, pos, ends, ref budget);
        return --budget < 0 || --budget < 0 ? -1 : HostnameMatcher.Ends(input, pos, ends, ref budget);
    }

    public static bool Scan(ref MatchState s, int pos) => IpMatcher.Scan(ref s, pos) || HostnameMatcher.Scan(ref s, pos);
}
