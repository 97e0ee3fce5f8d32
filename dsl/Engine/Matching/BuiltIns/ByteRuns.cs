using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GrokFlow.Engine.Matching.BuiltIns;

/// <summary>Runs of ASCII classes, the building blocks of the built-in scanners.</summary>
/// <remarks>
/// The runs the built-ins read are short (octets, ports, h16 groups, host labels): they are classified inline, eight or
/// sixteen bytes at once or byte by byte, without the call and set-up of a vectorised BCL search; only a run that fills
/// the inline width (or a line's last bytes) goes on with that search.
/// </remarks>
internal static class ByteRuns
{
    private static readonly SearchValues<byte> s_digits = SearchValues.Create("0123456789"u8);
    private static readonly SearchValues<byte> s_labelBytes = SearchValues.Create("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"u8);

    /// <summary>Length of the run of <c>[0-9]</c> at <paramref name="pos"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Digits(ReadOnlySpan<byte> input, int pos)
    {
        if ((uint)pos < (uint)input.Length && input.Length - pos >= sizeof(ulong))
        {
            // XOR turns '0'..'9' into 0..9; adding 0x76 to the low seven bits sets the top bit of every byte above 9.
            var offset = LittleEndianWord(input, pos) ^ 0x3030303030303030UL;
            var nonDigits = (((offset & 0x7F7F7F7F7F7F7F7FUL) + 0x7676767676767676UL) | offset) & 0x8080808080808080UL;
            if (nonDigits != 0) return BitOperations.TrailingZeroCount(nonDigits) >> 3;
        }
        return Run(input, pos, s_digits);
    }

    /// <summary>Length of the run of <c>[0-9A-Fa-f]</c> at <paramref name="pos"/>, counted up to five.</summary>
    /// <remarks>An h16 group has at most four hex digits: a fifth only tells that the run is longer.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ShortHex(ReadOnlySpan<byte> input, int pos)
    {
        if ((uint)pos < (uint)input.Length && input.Length - pos >= sizeof(ulong))
        {
            // Digits as in Digits; letters: the seven low bits, folded to lower case, from 'a' (top bit set by adding
            // 0x1F) to before 'g' (not set by adding 0x19), the byte itself ASCII.
            var word = LittleEndianWord(input, pos);
            var offset = word ^ 0x3030303030303030UL;
            var nonDigits = (((offset & 0x7F7F7F7F7F7F7F7FUL) + 0x7676767676767676UL) | offset) & 0x8080808080808080UL;
            var lower = (word | 0x2020202020202020UL) & 0x7F7F7F7F7F7F7F7FUL;
            var letters = (lower + 0x1F1F1F1F1F1F1F1FUL) & ~(lower + 0x1919191919191919UL) & ~word & 0x8080808080808080UL;
            return Math.Min(BitOperations.TrailingZeroCount(nonDigits & ~letters) >> 3, 5);
        }
        var end = pos;
        while ((uint)end < (uint)input.Length && end - pos < 5 && IsHex(input[end])) end++;
        return end - pos;
    }

    /// <summary>Length of the run of host-label bytes <c>[0-9A-Za-z_-]</c> at <paramref name="pos"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Label(ReadOnlySpan<byte> input, int pos)
    {
        if ((uint)pos < (uint)input.Length && input.Length - pos >= Vector128<byte>.Count)
        {
            var bytes = Vector128.Create(input.Slice(pos, Vector128<byte>.Count));
            var labelBytes = Vector128.LessThanOrEqual(bytes - Vector128.Create((byte)'0'), Vector128.Create((byte)9))
                | Vector128.LessThanOrEqual((bytes | Vector128.Create((byte)0x20)) - Vector128.Create((byte)'a'), Vector128.Create((byte)('z' - 'a')))
                | Vector128.Equals(bytes, Vector128.Create((byte)'_'))
                | Vector128.Equals(bytes, Vector128.Create((byte)'-'));
            var others = ~labelBytes.ExtractMostSignificantBits() & 0xFFFF;
            if (others != 0) return BitOperations.TrailingZeroCount(others);
        }
        return Run(input, pos, s_labelBytes);
    }

    /// <summary>The four bytes at <paramref name="pos"/> (the caller checked they exist), the first lowest.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint LittleEndianWord32(ReadOnlySpan<byte> input, int pos)
    {
        var word = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref MemoryMarshal.GetReference(input), pos));
        return BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong LittleEndianWord(ReadOnlySpan<byte> input, int pos)
    {
        var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetReference(input), pos));
        return BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word);
    }

    private static int Run(ReadOnlySpan<byte> input, int pos, SearchValues<byte> set)
    {
        if ((uint)pos >= (uint)input.Length) return 0;
        var n = input[pos..].IndexOfAnyExcept(set);
        return n < 0 ? input.Length - pos : n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHex(byte b) => (uint)(b - '0') <= 9 || (uint)((b | 0x20) - 'a') <= 'f' - 'a';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAlphanumeric(byte b) => (uint)(b - '0') <= 9 || (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    /// <summary>True when <paramref name="input"/> has <paramref name="b"/> at <paramref name="pos"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool At(ReadOnlySpan<byte> input, int pos, byte b) => (uint)pos < (uint)input.Length && input[pos] == b;
}
