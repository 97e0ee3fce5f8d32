using System.Buffers;
using System.Runtime.CompilerServices;

namespace GrokFlow.Engine.Matching.BuiltIns;

/// <summary>Runs of ASCII classes, the building blocks of the built-in scanners.</summary>
internal static class ByteRuns
{
    /// <summary>Runs up to this length are measured byte by byte.</summary>
    private const int ShortRun = 8;

    private static readonly SearchValues<byte> s_digits = SearchValues.Create("0123456789"u8);
    private static readonly SearchValues<byte> s_hex = SearchValues.Create("0123456789ABCDEFabcdef"u8);
    private static readonly SearchValues<byte> s_labelBytes = SearchValues.Create("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"u8);

    /// <summary>Length of the run of <c>[0-9]</c> at <paramref name="pos"/>.</summary>
    /// <remarks>
    /// Byte by byte first: most runs are short (octets, ports, ids), where a vectorised search costs more than it saves;
    /// a long run (a pathological line) goes on vectorised.
    /// </remarks>
    public static int Digits(ReadOnlySpan<byte> input, int pos)
    {
        if ((uint)pos >= (uint)input.Length) return 0;
        var limit = Math.Min(input.Length, pos + ShortRun);
        for (var end = pos; end < limit; end++)
            if (!IsDigit(input[end])) return end - pos;
        return limit == input.Length ? limit - pos : Run(input, pos, s_digits);
    }

    /// <summary>Length of the run of <c>[0-9A-Fa-f]</c> at <paramref name="pos"/>, short runs byte by byte as <see cref="Digits"/>.</summary>
    public static int Hex(ReadOnlySpan<byte> input, int pos)
    {
        if ((uint)pos >= (uint)input.Length) return 0;
        var limit = Math.Min(input.Length, pos + ShortRun);
        for (var end = pos; end < limit; end++)
            if (!IsHexDigit(input[end])) return end - pos;
        return limit == input.Length ? limit - pos : Run(input, pos, s_hex);
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
    public static bool IsHexDigit(byte b) => (uint)(b - '0') <= 9 || (uint)((b | 0x20) - 'a') <= 'f' - 'a';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAlphanumeric(byte b) => (uint)(b - '0') <= 9 || (uint)((b | 0x20) - 'a') <= 'z' - 'a';

    /// <summary>True when <paramref name="input"/> has <paramref name="b"/> at <paramref name="pos"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool At(ReadOnlySpan<byte> input, int pos, byte b) => (uint)pos < (uint)input.Length && input[pos] == b;
}
