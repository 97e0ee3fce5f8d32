using System.Buffers;
using System.Runtime.CompilerServices;

namespace GrokFlow.Engine.Matching.BuiltIns;

/// <summary>Vectorised runs of ASCII classes, the building blocks of the built-in scanners.</summary>
internal static class ByteRuns
{
    private static readonly SearchValues<byte> s_digits = SearchValues.Create("0123456789"u8);
    private static readonly SearchValues<byte> s_hex = SearchValues.Create("0123456789ABCDEFabcdef"u8);
    private static readonly SearchValues<byte> s_labelBytes = SearchValues.Create("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"u8);

    /// <summary>Length of the run of <c>[0-9]</c> at <paramref name="pos"/>.</summary>
    public static int Digits(ReadOnlySpan<byte> input, int pos) => Run(input, pos, s_digits);

    /// <summary>Length of the run of <c>[0-9A-Fa-f]</c> at <paramref name="pos"/>.</summary>
    public static int Hex(ReadOnlySpan<byte> input, int pos) => Run(input, pos, s_hex);

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
