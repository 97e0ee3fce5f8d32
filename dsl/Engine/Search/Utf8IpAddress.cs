namespace GrokFlow.Engine.Search;

/// <summary>
/// The one IP address reader: IPv4 (<c>10.1.2.3</c>) or IPv6 (<c>fc00::1</c>, <c>::ffff:10.1.2.3</c>) from UTF-8, without
/// allocating. Search's <c>CIDR(...)</c> and the geo-IP parser both read addresses with it.
/// </summary>
internal static class Utf8IpAddress
{
    /// <summary>
    /// Writes the address bytes (4 for IPv4, 16 for IPv6) into <paramref name="bytes"/> (16 long). Without
    /// <paramref name="leadingZeros"/> an IPv4 octet such as <c>00</c> or <c>010</c> makes the text no address (as
    /// Datadog's geo-IP parser reads addresses).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, Span<byte> bytes, out int length, bool leadingZeros = true)
    {
        length = 0;
        if (text.IndexOf((byte)':') < 0)
        {
            if (!TryParseV4(text, bytes, leadingZeros)) return false;
            length = 4;
            return true;
        }
        if (!TryParseV6(text, bytes, leadingZeros)) return false;
        length = 16;
        return true;
    }

    private static bool TryParseV4(ReadOnlySpan<byte> text, Span<byte> bytes, bool leadingZeros)
    {
        var part = 0;
        var i = 0;
        while (part < 4)
        {
            var start = i;
            var value = 0;
            while (i < text.Length && (uint)(text[i] - '0') <= 9 && i - start < 3) value = value * 10 + (text[i++] - '0');
            if (i == start || value > 255 || (!leadingZeros && i - start > 1 && text[start] == '0')) return false;
            bytes[part++] = (byte)value;
            if (part < 4)
            {
                if (i >= text.Length || text[i] != '.') return false;
                i++;
            }
        }
        return i == text.Length;
    }

    private static bool TryParseV6(ReadOnlySpan<byte> text, Span<byte> bytes, bool leadingZeros)
    {
        Span<ushort> groups = stackalloc ushort[8];
        var count = 0;
        var gap = -1;
        var i = 0;
        if (text.StartsWith("::"u8))
        {
            gap = 0;
            i = 2;
        }
        while (i < text.Length)
        {
            if (count == 8) return false;
            var start = i;
            var value = 0;
            while (i < text.Length && i - start < 4 && HexValue(text[i]) is var h && h >= 0)
            {
                value = value * 16 + h;
                i++;
            }
            if (i < text.Length && text[i] == '.')
            {
                // An embedded IPv4 address ends the text and fills the last two groups.
                Span<byte> v4 = stackalloc byte[4];
                if (count > 6 || !TryParseV4(text[start..], v4, leadingZeros)) return false;
                groups[count++] = (ushort)(v4[0] << 8 | v4[1]);
                groups[count++] = (ushort)(v4[2] << 8 | v4[3]);
                i = text.Length;
                break;
            }
            if (i == start) return false;
            groups[count++] = (ushort)value;
            if (i == text.Length) break;
            if (text[i] != ':') return false;
            i++;
            if (i < text.Length && text[i] == ':')
            {
                if (gap >= 0) return false;
                gap = count;
                i++;
            }
            else if (i == text.Length)
            {
                return false;
            }
        }
        if (gap < 0 && count != 8) return false;
        if (gap >= 0 && count > 7) return false;
        bytes[..16].Clear();
        for (var g = 0; g < count; g++)
        {
            // Groups after the '::' go to the end; the compressed run stays zero.
            var position = gap < 0 || g < gap ? g : 8 - (count - g);
            bytes[position * 2] = (byte)(groups[g] >> 8);
            bytes[position * 2 + 1] = (byte)groups[g];
        }
        return true;
    }

    private static int HexValue(byte b) =>
        (uint)(b - '0') <= 9 ? b - '0' : (uint)((b | 0x20) - 'a') <= 'f' - 'a' ? (b | 0x20) - 'a' + 10 : -1;
}
