using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace GrokFlow.Engine.Matching.BuiltIns;

/// <summary>
/// <c>%{ipv4}</c>: <c>(?&lt;![0-9])O.O.O.O(?![0-9])</c> with <c>O = 25[0-5]|2[0-4][0-9]|[0-1]?[0-9]{1,2}</c>. Each octet
/// is followed by a dot or by a non-digit, so it takes its whole digit run: there is at most one end.
/// </summary>
public readonly struct Ipv4Matcher : ISubMatcher, IEndScanner
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

    /// <summary>Where the address at <paramref name="pos"/> ends, or -1.</summary>
    internal static int End(ReadOnlySpan<byte> input, int pos)
    {
        if (pos > 0 && ByteRuns.IsDigit(input[pos - 1])) return -1;
        for (var octet = 0; octet < 3; octet++)
        {
            pos = OctetEnd(input, pos, (byte)'.');
            if (pos < 0) return -1;
            pos++;
        }
        return OctetEnd(input, pos, 0);
    }

    /// <summary>
    /// The end of the octet at <paramref name="pos"/>, its whole digit run, followed by <paramref name="dot"/> (0: by
    /// any byte); else -1. An octet is one to three digits, and three exactly when they are at most 255
    /// (<c>[0-1][0-9][0-9]</c>, <c>2[0-4][0-9]</c>, <c>25[0-5]</c>). With four bytes to read, they are tested at once in
    /// one 32-bit word (as <see cref="ByteRuns.Digits"/> does eight), three digits compare as their big-endian bytes
    /// do, and the byte after the run is taken from the same word.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int OctetEnd(ReadOnlySpan<byte> input, int pos, byte dot)
    {
        if ((uint)pos < (uint)input.Length && input.Length - pos >= sizeof(uint))
        {
            var word = ByteRuns.LittleEndianWord32(input, pos);
            var offset = word ^ 0x30303030u;
            var nonDigits = (((offset & 0x7F7F7F7Fu) + 0x76767676u) | offset) & 0x80808080u;
            var length = BitOperations.TrailingZeroCount(nonDigits) >> 3;
            if (length is 0 or 4 || (length == 3 && BinaryPrimitives.ReverseEndianness(word) >> 8 > 0x323535)) return -1;
            if (dot != 0 && (byte)(word >> (length * 8)) != dot) return -1;
            return pos + length;
        }
        var end = pos;
        while ((uint)end < (uint)input.Length && ByteRuns.IsDigit(input[end])) end++;
        if (end == pos || (end - pos == 3 && (input[pos] - '0') * 100 + (input[pos + 1] - '0') * 10 + (input[pos + 2] - '0') > 255)) return -1;
        return dot == 0 || ByteRuns.At(input, end, dot) ? end : -1;
    }
}
