using System.Text;

namespace GrokFlow.Engine.Search;

/// <summary>A network from a <c>CIDR(...)</c> query (<c>10.0.0.0/8</c>, <c>fc00::/7</c>); an address without a prefix is a single host.</summary>
public sealed class CidrBlock
{
    private readonly byte[] _network;
    private readonly int _prefix;

    private CidrBlock(string text, byte[] network, int prefix)
    {
        Text = text;
        _network = network;
        _prefix = prefix;
    }

    public string Text { get; }

    public static CidrBlock? TryParse(string text)
    {
        var slash = text.IndexOf('/');
        var address = Encoding.UTF8.GetBytes(slash < 0 ? text : text[..slash]);
        Span<byte> bytes = stackalloc byte[16];
        if (!Utf8IpAddress.TryParse(address, bytes, out var length)) return null;
        var prefix = length * 8;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out prefix) || prefix > length * 8))
            return null;
        return new CidrBlock(text, bytes[..length].ToArray(), prefix);
    }

    /// <summary>True when the address (4 or 16 bytes) is in this network; IPv4-mapped IPv6 addresses count as IPv4.</summary>
    public bool Contains(ReadOnlySpan<byte> address)
    {
        if (address.Length == 16 && _network.Length == 4 && IsV4Mapped(address)) address = address[12..];
        if (address.Length != _network.Length) return false;
        var full = _prefix / 8;
        if (!address[..full].SequenceEqual(_network.AsSpan(0, full))) return false;
        var rest = _prefix % 8;
        if (rest == 0) return true;
        var mask = (byte)(0xFF << (8 - rest));
        return (address[full] & mask) == (_network[full] & mask);
    }

    private static bool IsV4Mapped(ReadOnlySpan<byte> address) =>
        address[..10].IndexOfAnyExcept((byte)0) < 0 && address[10] == 0xFF && address[11] == 0xFF;

    public override string ToString() => Text;
}
