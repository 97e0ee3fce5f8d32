using System.Buffers.Text;

namespace GrokFlow.Engine.Search;

/// <summary>The byte-level text operations search terms need: ASCII case folding, ordering, numbers, characters.</summary>
internal static class Utf8Text
{
    public static bool SameByte(byte a, byte b, bool ignoreCase) =>
        a == b || (ignoreCase && (uint)((a | 0x20) - 'a') <= 'z' - 'a' && (a | 0x20) == (b | 0x20));

    public static bool Equal(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, bool ignoreCase)
    {
        if (!ignoreCase) return a.SequenceEqual(b);
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
            if (!SameByte(a[i], b[i], ignoreCase: true)) return false;
        return true;
    }

    /// <summary>Ordinal order of UTF-8 bytes (the order of code points), ASCII letters folded when asked.</summary>
    public static int Compare(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, bool ignoreCase)
    {
        if (!ignoreCase) return a.SequenceCompareTo(b);
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            int x = Fold(a[i]), y = Fold(b[i]);
            if (x != y) return x - y;
        }
        return a.Length - b.Length;
    }

    public static bool TryParseNumber(ReadOnlySpan<byte> text, out double number) =>
        Utf8Parser.TryParse(text, out number, out var consumed) && consumed == text.Length && text.Length > 0;

    /// <summary>The index after the UTF-8 character that starts at <paramref name="index"/>.</summary>
    public static int NextCharacter(ReadOnlySpan<byte> text, int index)
    {
        index++;
        while (index < text.Length && (text[index] & 0xC0) == 0x80) index++;
        return index;
    }

    /// <summary>Letters, digits, <c>_</c> and every non-ASCII byte: what free-text search treats as part of a word.</summary>
    public static bool IsWordByte(byte b) =>
        b >= 0x80 || (uint)((b | 0x20) - 'a') <= 'z' - 'a' || (uint)(b - '0') <= 9 || b == '_';

    private static byte Fold(byte b) => (uint)(b - 'A') <= 'Z' - 'A' ? (byte)(b | 0x20) : b;
}
