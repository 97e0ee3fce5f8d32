using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace GrokFlow.Engine.Values;

/// <summary>Small allocation-free readers over UTF-8 text used by the value parsers.</summary>
internal static class Utf8Text
{
    /// <summary>
    /// Bytes at the start of <paramref name="utf8"/> that spell the expected runes ignoring case, or -1.
    /// <paramref name="lower"/> and <paramref name="upper"/> are the expected text mapped with the invariant culture.
    /// </summary>
    public static int MatchIgnoreCase(ReadOnlySpan<byte> utf8, Rune[] lower, Rune[] upper)
    {
        var position = 0;
        for (var i = 0; i < lower.Length; i++)
        {
            if (position < utf8.Length && utf8[position] < 0x80 && lower[i].IsAscii && upper[i].IsAscii)
            {
                var b = utf8[position];
                if (b != lower[i].Value && b != upper[i].Value) return -1;
                position++;
                continue;
            }

            if (Rune.DecodeFromUtf8(utf8[position..], out var rune, out var length) != OperationStatus.Done) return -1;
            if (rune != lower[i] && rune != upper[i]
                && Rune.ToLowerInvariant(rune) != lower[i] && Rune.ToUpperInvariant(rune) != upper[i]) return -1;
            position += length;
        }

        return position;
    }

    /// <summary>Reads between <paramref name="min"/> and <paramref name="max"/> ASCII digits greedily.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadDigits(ReadOnlySpan<byte> utf8, int min, int max, out int value, out int length)
    {
        value = 0;
        length = 0;
        while (length < max && length < utf8.Length && IsDigit(utf8[length]))
        {
            value = (value * 10) + (utf8[length] - '0');
            length++;
        }

        return length >= min;
    }

    public static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    public static bool IsAsciiLetter(byte b) => (uint)((b | 0x20) - 'a') <= 'z' - 'a';
}
