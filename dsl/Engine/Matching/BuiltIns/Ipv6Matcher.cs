using System.Runtime.CompilerServices;
using System.Text;

namespace GrokFlow.Engine.Matching.BuiltIns;

/// <summary>
/// <c>%{ipv6}</c>: the common eight-branch IPv6 alternation (branch k: k leading <c>h16:</c> groups, then the forms
/// that may follow them: more <c>:h16</c> groups, an embedded IPv4 address, or <c>::</c>), then an optional zone
/// <c>(?:%.+)?</c> (a rule's default flags let '.' match a newline; under other flags the pattern differs and is
/// emitted as before). The ends are listed in the order a backtracking regex reaches them: branch 7 down to branch 0,
/// inside a branch each alternative in turn, repeated groups deepest first, each h16 longest first; after each address
/// end come its zone ends (longest first).
/// </summary>
[SkipLocalsInit]
public readonly struct Ipv6Matcher : ISubMatcher, IEndScanner
{
    /// <summary>
    /// As <see cref="EndScan.First{TScanner}"/> finds it, with the same steps, in one pass over the address. Only the
    /// branch of the leading groups' count can end: a branch with fewer groups starts where a full group stands, which
    /// no branch's tail (<c>:</c>, <c>::</c> or an IPv4 address followed by '.') can start with.
    /// </summary>
    public static int FirstEnd(ReadOnlySpan<byte> input, int pos, ref int budget)
    {
        var (t, groups) = (pos, 0);
        while (groups < 7)
        {
            var hex = ByteRuns.ShortHex(input, t);
            if (hex is < 1 or > 4 || !ByteRuns.At(input, t + hex, (byte)':')) break;
            t += hex + 1;
            groups++;
        }
        var steps = 1;
        var end = groups switch
        {
            7 => Math.Min(ByteRuns.ShortHex(input, t), 4) is var last and > 0 ? t + last : ByteRuns.At(input, t, (byte)':') ? t + 1 : -1,
            6 => ByteRuns.At(input, t, (byte)':') ? t + 1 + Math.Min(ByteRuns.ShortHex(input, t + 1), 4) : V4FirstEnd(input, t),
            0 => ByteRuns.At(input, pos, (byte)':') && ByteRuns.At(input, pos + 1, (byte)':') ? GroupsFirstEnd(input, pos + 1, 7, ref steps) : -1,
            _ => ByteRuns.At(input, t, (byte)':') ? GroupsFirstEnd(input, t, 7 - groups, ref steps) : -1,
        };
        // Each step takes one from the budget, the one that finds it spent too (see MatchState.Step).
        if (budget < steps)
        {
            budget = budget < 0 ? budget - 1 : -1;
            return -2;
        }
        budget -= steps;
        if (end < 0 || !ByteRuns.At(input, end, (byte)'%')) return end;
        var zoneEnd = ZoneEnd(input, end);
        return zoneEnd > end + 1 ? zoneEnd : end;
    }

    /// <summary>
    /// The first end of <see cref="Tail"/> at the ':' <paramref name="t"/>: full groups as long as ':' follows (one
    /// step each, as <see cref="Groups"/> takes), or the "::" alone when no group follows it.
    /// </summary>
    private static int GroupsFirstEnd(ReadOnlySpan<byte> input, int t, int max, ref int steps)
    {
        for (var first = true; ; first = false)
        {
            steps++;
            var run = ByteRuns.ShortHex(input, t + 1);
            if (run == 0) return first ? t + 1 : t;
            var e = t + 1 + Math.Min(run, 4);
            if (max == 1 || run > 4 || !ByteRuns.At(input, e, (byte)':')) return e;
            (t, max) = (e, max - 1);
        }
    }

    /// <summary>The first end of <see cref="V4"/> (before a zone), or -1.</summary>
    private static int V4FirstEnd(ReadOnlySpan<byte> input, int q)
    {
        for (var octet = 0; octet < 3; octet++)
        {
            var digits = ByteRuns.Digits(input, q);
            if (digits is < 1 or > 3 || OctetPrefix(input.Slice(q, digits)) != digits || !ByteRuns.At(input, q + digits, (byte)'.'))
                return -1;
            q += digits + 1;
        }
        var last = Math.Min(ByteRuns.Digits(input, q), 3);
        if (last == 0) return -1;
        var d = input.Slice(q, last);
        return last == 3 && OctetPrefix(d) == 3 ? q + 3 : last >= 2 && d[0] != '0' ? q + 2 : q + 1;
    }

    /// <summary>True when the text at <paramref name="pos"/> starts with <c>:</c> or with one to four hex digits and <c>:</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool CanStart(ReadOnlySpan<byte> input, int pos)
    {
        var hex = ByteRuns.ShortHex(input, pos);
        return hex <= 4 && ByteRuns.At(input, pos + hex, (byte)':');
    }

    public static int Ends(ReadOnlySpan<byte> input, int pos, Span<int> ends, ref int budget) => EndScan.All<Ipv6Matcher>(input, pos, ends, ref budget);

    public static bool Scan(ref MatchState s, int pos)
    {
        if (!s.Step()) return true;
        var input = s.Input;
        // The leading "h16:" groups are fixed: an h16 must take its whole hex run to be followed by ':'.
        Span<int> after = stackalloc int[8];
        after[0] = pos;
        var groups = 0;
        while (groups < 7)
        {
            var at = after[groups];
            var hex = ByteRuns.ShortHex(input, at);
            if (hex is < 1 or > 4 || !ByteRuns.At(input, at + hex, (byte)':')) break;
            after[++groups] = at + hex + 1;
        }
        for (var k = Math.Min(groups, 7); k >= 0; k--)
        {
            var t = after[k];
            var stop = k switch
            {
                7 => Branch7(ref s, t),
                6 => Branch6(ref s, t),
                0 => ByteRuns.At(input, t, (byte)':') && Tail(ref s, t + 1, 7, 5),
                _ => Tail(ref s, t, 7 - k, 5 - k),
            };
            if (stop) return true;
        }
        return false;
    }

    /// <summary><c>(?:h16|:)</c>.</summary>
    private static bool Branch7(ref MatchState s, int t)
    {
        var hex = Math.Min(ByteRuns.ShortHex(s.Input, t), 4);
        for (var e = t + hex; e > t; e--)
            if (Address(ref s, e)) return true;
        return ByteRuns.At(s.Input, t, (byte)':') && Address(ref s, t + 1);
    }

    /// <summary><c>(?::h16|V4|:)</c>.</summary>
    private static bool Branch6(ref MatchState s, int t)
    {
        if (!ByteRuns.At(s.Input, t, (byte)':')) return V4(ref s, t);
        var hex = Math.Min(ByteRuns.ShortHex(s.Input, t + 1), 4);
        for (var e = t + 1 + hex; e > t + 1; e--)
            if (Address(ref s, e)) return true;
        return V4(ref s, t) || Address(ref s, t + 1);
    }

    /// <summary><c>(?:(?::h16){1,groups}|(?::h16){0,v4Groups}:V4|:)</c>: every alternative starts with ':'.</summary>
    private static bool Tail(ref MatchState s, int t, int groups, int v4Groups)
    {
        if (!ByteRuns.At(s.Input, t, (byte)':')) return false;
        if (Groups(ref s, t, groups)) return true;
        if (GroupsThenV4(ref s, t, v4Groups)) return true;
        return Address(ref s, t + 1);
    }

    /// <summary><c>(?::h16){1,max}</c> from <paramref name="t"/>: each h16 longest first, a further group before the end.</summary>
    private static bool Groups(ref MatchState s, int t, int max)
    {
        if (!s.Step()) return true;
        var input = s.Input;
        if (!ByteRuns.At(input, t, (byte)':')) return false;
        var run = ByteRuns.ShortHex(input, t + 1);
        for (var length = Math.Min(run, 4); length >= 1; length--)
        {
            var e = t + 1 + length;
            if (max > 1 && length == run && ByteRuns.At(input, e, (byte)':') && Groups(ref s, e, max - 1)) return true;
            if (Address(ref s, e)) return true;
        }
        return false;
    }

    /// <summary>
    /// <c>(?::h16){0,max}:V4</c>: the most groups first. Only groups that take their whole hex run can be followed by
    /// ':', so the candidates are the chain of full groups.
    /// </summary>
    private static bool GroupsThenV4(ref MatchState s, int t, int max)
    {
        var input = s.Input;
        Span<int> chain = stackalloc int[6];
        chain[0] = t;
        var count = 0;
        while (count < max)
        {
            var at = chain[count];
            if (!ByteRuns.At(input, at, (byte)':')) break;
            var run = ByteRuns.ShortHex(input, at + 1);
            if (run is < 1 or > 4) break;
            chain[++count] = at + 1 + run;
        }
        for (var j = count; j >= 0; j--)
            if (ByteRuns.At(input, chain[j], (byte)':') && V4(ref s, chain[j] + 1)) return true;
        return false;
    }

    /// <summary>
    /// The embedded IPv4 address: octets <c>25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9]</c>. The first three are followed
    /// by a dot, so take their whole run; the last may end after three, two or one digits.
    /// </summary>
    private static bool V4(ref MatchState s, int q)
    {
        var input = s.Input;
        for (var octet = 0; octet < 3; octet++)
        {
            var digits = ByteRuns.Digits(input, q);
            if (digits is < 1 or > 3 || OctetPrefix(input.Slice(q, digits)) != digits || !ByteRuns.At(input, q + digits, (byte)'.'))
                return false;
            q += digits + 1;
        }
        var last = Math.Min(ByteRuns.Digits(input, q), 3);
        if (last == 0) return false;
        var d = input.Slice(q, last);
        if (last == 3 && OctetPrefix(d) == 3 && Address(ref s, q + 3)) return true;
        if (last >= 2 && d[0] != '0' && Address(ref s, q + 2)) return true;
        return Address(ref s, q + 1);
    }

    /// <summary>The length of the octet <paramref name="d"/> spells when taken whole (1 to 3), else 0.</summary>
    private static int OctetPrefix(ReadOnlySpan<byte> d) => d.Length switch
    {
        1 => 1,
        2 => d[0] != '0' ? 2 : 0,
        3 => d[0] == '1' || (d[0] == '2' && (d[1] < '5' || (d[1] == '5' && d[2] <= '5'))) ? 3 : 0,
        _ => 0,
    };

    /// <summary>An address end <paramref name="e"/>, preceded by its zone ends <c>%.+</c> (longest first).</summary>
    private static bool Address(ref MatchState s, int e)
    {
        var input = s.Input;
        if (ByteRuns.At(input, e, (byte)'%'))
        {
            for (var z = ZoneEnd(input, e); z > e + 1; z = Utf8Match.StepBack(input, z))
                if (EndScan.Record(ref s, z)) return true;
        }
        return EndScan.Record(ref s, e);
    }

    /// <summary>The end of the longest zone <c>%.+</c> after the '%' at <paramref name="e"/>: the text up to a byte that is no UTF-8 character.</summary>
    private static int ZoneEnd(ReadOnlySpan<byte> input, int e)
    {
        var zoneEnd = e + 1;
        while (zoneEnd < input.Length)
        {
            var b = input[zoneEnd];
            if (b < 0x80) zoneEnd++;
            else if (Rune.DecodeFromUtf8(input[zoneEnd..], out _, out var width) == System.Buffers.OperationStatus.Done) zoneEnd += width;
            else break;
        }
        return zoneEnd;
    }
}
