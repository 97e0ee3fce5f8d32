namespace GrokFlow.Engine.Values;

/// <summary>Reads the zone parts of a date value, mirroring the regexes in <see cref="DateRegexBuilder"/>.</summary>
internal static class ZoneText
{
    /// <summary>Reads <c>Z</c>, <c>+hhmm</c> or <c>+hh:mm</c>; returns the bytes used, or -1.</summary>
    public static int ReadOffset(ReadOnlySpan<byte> text, out int offsetSeconds)
    {
        offsetSeconds = 0;
        if (text.Length == 0) return -1;
        if (text[0] is (byte)'Z' or (byte)'z') return 1;
        if (text[0] is not ((byte)'+' or (byte)'-')) return -1;
        if (!Utf8Text.TryReadDigits(text[1..], 2, 2, out var hours, out _)) return -1;
        var position = 3;
        if (position < text.Length && text[position] == ':') position++;
        if (!Utf8Text.TryReadDigits(text[position..], 2, 2, out var minutes, out _)) return -1;
        if (hours > 23 || minutes > 59) return -1;
        offsetSeconds = ((hours * 60) + minutes) * 60 * (text[0] == '-' ? -1 : 1);
        return position + 2;
    }

    /// <summary>Longest first part and longest later part of a zone id, and how many later parts it may have.</summary>
    public const int MaxFirstPart = 32, MaxPart = 32, MaxParts = 3;

    /// <summary>
    /// Length of the zone name at the start of the text: an abbreviation or id (<c>[A-Za-z][A-Za-z0-9_]</c> then up to
    /// three <c>/</c>-separated parts of <c>[A-Za-z0-9_+-]</c>), optionally followed by an offset (<c>GMT+5</c>,
    /// <c>UTC+05:00</c>) unless <paramref name="allowOffset"/> is false. Reads greedily within the same bounds as
    /// <see cref="DateRegexBuilder.ZoneNameRegex"/> (<see cref="DateRegexBuilder.ZoneIdRegex"/> without the offset).
    /// </summary>
    public static int ScanName(ReadOnlySpan<byte> text, bool allowOffset = true)
    {
        if (text.Length == 0 || !Utf8Text.IsAsciiLetter(text[0])) return 0;
        var position = 1;
        while (position < text.Length && position < MaxFirstPart && IsNameByte(text[position])) position++;
        for (var part = 0; part < MaxParts && position + 1 < text.Length && text[position] == '/' && IsPartByte(text[position + 1]); part++)
        {
            var start = ++position;
            while (position < text.Length && position - start < MaxPart && IsPartByte(text[position])) position++;
        }

        if (allowOffset && position < text.Length && text[position] is (byte)'+' or (byte)'-'
            && Utf8Text.TryReadDigits(text[(position + 1)..], 1, 2, out _, out var hourDigits))
        {
            position += 1 + hourDigits;
            for (var part = 0; part < 2; part++)
            {
                var next = position < text.Length && text[position] == ':' ? position + 1 : position;
                if (!Utf8Text.TryReadDigits(text[next..], 2, 2, out _, out _)) break;
                position = next + 2;
            }
        }

        return position;
    }

    private static bool IsNameByte(byte b) => Utf8Text.IsAsciiLetter(b) || Utf8Text.IsDigit(b) || b == '_';

    private static bool IsPartByte(byte b) => IsNameByte(b) || b is (byte)'+' or (byte)'-';
}
