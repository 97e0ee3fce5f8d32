using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace GrokFlow.Engine.Matching.BuiltIns;

/// <summary>Runs of ASCII classes, the building blocks of the built-in scanners.</summary>
internal static class ByteRuns
{
    private static readonly SearchValues<byte> s_digits = SearchValues.Create("0123456789"u8);
    private static readonly SearchValues<byte> s_hex = SearchValues.Create("0123456789ABCDEFabcdef"u8);
    private static readonly SearchValues<byte> s_labelBytes = SearchValues.Create("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"u8);

    /// <summary>Length of the run of <c>[0-9]</c> at <paramref name="pos"/>.</summary>
    /// <remarks>
    /// Most runs are short (octets, ports, ids): eight bytes are tested at once in a 64-bit word, without a branch per
    /// byte; a run that fills the word (or a line's last bytes) goes on with the vectorised search.
    /// </remarks>
    public static int Digits(ReadOnlySpan<byte> input, int pos)
    {
        if ((uint)pos < (uint)input.Length && input.Length - pos >= sizeof(ulong))
        {
            // XOR turns '0'..'9' into 0..9; adding 0x76 to the low seven bits sets the top bit of every byte above 9.
            var offset = BinaryPrimitives.ReadUInt64LittleEndian(input[pos..]) ^ 0x3030303030303030UL;
            var nonDigits = (((offset & 0x7F7F7F7F7F7F7F7FUL) + 0x7676767676767676UL) | offset) & 0x8080808080808080UL;
            if (nonDigits != 0) return BitOperations.TrailingZeroCount(nonDigits) >> 3;
        }
        return Run(input, pos, s_digits);
    }

    /// <summary>Length of the run of <c>[0-9A-Fa-f]</c> at <paramref name="pos"/>.</summary>
    public static int Hex(ReadOnlySpan<byte> input, int pos) => Run(input, pos, s_hex);

    /// <summary>True when <paramref name="b"/> occurs in the <paramref name="window"/> (at most 8) bytes from <paramref name="pos"/>.</summary>
    public static bool Within(ReadOnlySpan<byte> input, int pos, byte b, int window)
    {
        if ((uint)pos >= (uint)input.Length) return false;
        if (input.Length - pos < sizeof(ulong)) return input.Slice(pos, Math.Min(window, input.Length - pos)).IndexOf(b) >= 0;
        // A zero byte of the word XOR b is an occurrence; the lowest flag of the classic zero-byte test is always exact.
        var word = BinaryPrimitives.ReadUInt64LittleEndian(input[pos..]) ^ (0x0101010101010101UL * b);
        var zeros = (word - 0x0101010101010101UL) & ~word & 0x8080808080808080UL;
        return zeros != 0 && BitOperations.TrailingZeroCount(zeros) >> 3 < window;
    }

    /// <summary>Length of the run of host-label bytes <c>[0-9A-Za-z_-]</c> at <paramref name="pos"/>.</summary>
    public static int Label(ReadOnlySpan<byte> input, int pos) => Run(input, pos, s_labelBytes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Run(ReadOnlySpan<byte> input, int pos, SearchValues<byte> set)
    {
        if ((uint)pos >= (uint)input.Length) return 0;
        var n = input[pos..].IndexOfAnyExcept(set);
        return n < 0 ? input.Length - pos : n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAlphanumeric(byte b) => (uint)(b - '0') <= 9 || (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    /// <summary>True when <paramref name="input"/> has <paramref name="b"/> at <paramref name="pos"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool At(ReadOnlySpan<byte> input, int pos, byte b) => (uint)pos < (uint)input.Length && input[pos] == b;
}
