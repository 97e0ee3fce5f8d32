using System.Globalization;
using System.Net;

namespace GrokFlow.Language.Search;

/// <summary>
/// Checks a network of a <c>CIDR(...)</c> query (<c>10.0.0.0/8</c>, <c>fc00::/7</c>, an address alone) with the BCL's
/// reader, accepting exactly what the engine's <c>CidrBlock</c> reads at run time: IPv4 as four decimal parts (leading
/// zeros allowed), IPv6 with an optional embedded IPv4 tail, a prefix no longer than the address.
/// </summary>
public static class IpNetworkText
{
    public static bool IsNetwork(string text)
    {
        var slash = text.IndexOf('/');
        var address = slash < 0 ? text : text[..slash];
        var bits = address.Contains(':') ? 128 : 32;
        return IsAddress(address) && (slash < 0 || (int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) && prefix <= bits));
    }

    private static bool IsAddress(string address)
    {
        var lastColon = address.LastIndexOf(':');
        if (lastColon < 0) return IsDottedQuad(address);
        // IPAddress also reads zones (%eth0), brackets and IPv4 tails in forms the engine refuses: check the tail here
        // and let the BCL read the groups, with the tail standing for its two groups.
        var tail = address[(lastColon + 1)..];
        if (tail.Contains('.'))
        {
            if (!IsDottedQuad(tail)) return false;
            address = address[..(lastColon + 1)] + "0:0";
        }
        return address.All(c => char.IsAsciiHexDigit(c) || c == ':') && IPAddress.TryParse(address, out _);
    }

    /// <summary>Four parts of one to three decimal digits, each at most 255 (the BCL would also read 10.1 or 0x0A.0.0.1).</summary>
    private static bool IsDottedQuad(string text) =>
        text.Split('.') is { Length: 4 } parts && parts.All(p => p.Length is >= 1 and <= 3 && p.All(char.IsAsciiDigit) && int.Parse(p, CultureInfo.InvariantCulture) <= 255);
}
