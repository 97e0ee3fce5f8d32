using System.Buffers.Binary;
using GrokFlow.Engine.Search;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// Classifies an IP address as Datadog's geo-IP parser reads it (with <see cref="Utf8IpAddress"/>): IPv4 only as four
/// decimal octets without leading zeros (<c>10.2.75.414</c> and <c>100.100.00.200</c> are invalid in the recorded
/// results), IPv6 in its usual text forms.
/// </summary>
public static class IpAddressText
{
    /// <summary>Longer text is no address (an IPv6 address with an embedded IPv4 one is 45 characters).</summary>
    public const int MaxLength = 64;

    public static IpAddressKind Classify(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length is 0 or > MaxLength) return IpAddressKind.Invalid;
        Span<byte> address = stackalloc byte[16];
        if (!Utf8IpAddress.TryParse(utf8, address, out var length, leadingZeros: false)) return IpAddressKind.Invalid;
        return length == 4 ? ClassifyIPv4(BinaryPrimitives.ReadUInt32BigEndian(address)) : ClassifyIPv6(address);
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

    private static IpAddressKind ClassifyIPv6(ReadOnlySpan<byte> a)
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

    private static bool IsIPv4Mapped(ReadOnlySpan<byte> a)
    {
        for (var i = 0; i < 10; i++) if (a[i] != 0) return false;
        return a[10] == 0xFF && a[11] == 0xFF;
    }
}
