using System.Net;
using System.Net.Sockets;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// Reads an IP address as Datadog's geo-IP parser does: IPv4 only as four decimal octets without leading zeros
/// (<c>10.2.75.414</c> and <c>100.100.00.200</c> are invalid in the recorded results), IPv6 in its usual text forms.
/// </summary>
public static class IpAddressText
{
    /// <summary>Longer text is no address (an IPv6 address with an embedded IPv4 one is 45 characters).</summary>
    public const int MaxLength = 64;

    public static IpAddressKind Classify(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length is 0 or > MaxLength) return IpAddressKind.Invalid;
        if (utf8.IndexOf((byte)':') < 0)
            return TryParseIPv4(utf8, out var v4) ? ClassifyIPv4(v4) : IpAddressKind.Invalid;
        return TryParseIPv6(utf8, out var v6) ? ClassifyIPv6(v6) : IpAddressKind.Invalid;
    }

    private static bool TryParseIPv4(ReadOnlySpan<byte> text, out uint address)
    {
        address = 0;
        var octets = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            var value = 0;
            while (i < text.Length && text[i] is >= (byte)'0' and <= (byte)'9' && i - start < 3)
            {
                value = value * 10 + (text[i] - '0');
                i++;
            }
            var digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && text[start] == '0')) return false;
            address = (address << 8) | (uint)value;
            octets++;
            if (octets == 4) return i == text.Length;
            if (i >= text.Length || text[i] != '.') return false;
            i++;
        }
    }

    private static bool TryParseIPv6(ReadOnlySpan<byte> text, out byte[] address)
    {
        address = [];
        Span<char> chars = stackalloc char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            // Brackets and ports belong to URLs, not to an address attribute.
            if (text[i] is > 0x7F or (byte)'[' or (byte)']' or (byte)' ') return false;
            chars[i] = (char)text[i];
        }
        if (!IPAddress.TryParse(chars, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6) return false;
        address = parsed.GetAddressBytes();
        return true;
    }

    private static IpAddressKind ClassifyIPv4(uint a)
    {
        var first = a >> 24;
        var second = (a >> 16) & 0xFF;
        var notPublic = first is 0 or 10 or 127 or >= 224
            || (first == 100 && second is >= 64 and <= 127)
            || (first == 169 && second == 254)
            || (first == 172 && second is >= 16 and <= 31)
            || (first == 192 && second == 168);
        return notPublic ? IpAddressKind.NotPublic : IpAddressKind.Public;
    }

    private static IpAddressKind ClassifyIPv6(byte[] a)
    {
        if (IsIPv4Mapped(a))
            return ClassifyIPv4((uint)(a[12] << 24 | a[13] << 16 | a[14] << 8 | a[15]));
        var unspecifiedOrLoopback = true;
        for (var i = 0; i < 15; i++) unspecifiedOrLoopback &= a[i] == 0;
        unspecifiedOrLoopback &= a[15] is 0 or 1;
        var notPublic = unspecifiedOrLoopback
            || a[0] == 0xFF                              // multicast ff00::/8
            || (a[0] & 0xFE) == 0xFC                     // unique local fc00::/7
            || (a[0] == 0xFE && (a[1] & 0xC0) == 0x80);  // link-local fe80::/10
        return notPublic ? IpAddressKind.NotPublic : IpAddressKind.Public;
    }

    private static bool IsIPv4Mapped(byte[] a)
    {
        for (var i = 0; i < 10; i++) if (a[i] != 0) return false;
        return a[10] == 0xFF && a[11] == 0xFF;
    }
}
