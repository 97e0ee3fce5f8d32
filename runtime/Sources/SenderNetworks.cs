using System.Net;

namespace GrokFlow.Runtime.Sources;

/// <summary>The sender networks a source accepts; empty accepts everyone. IPv4-mapped IPv6 senders count as IPv4.</summary>
internal sealed class SenderNetworks
{
    private readonly IPNetwork[] _networks;

    public SenderNetworks(IEnumerable<string> networks) =>
        _networks = networks.Select(n => TryParseNetwork(n, out var net) ? net : throw new FormatException($"'{n}' is not a network")).ToArray();

    public bool AllowsEveryone => _networks.Length == 0;

    public bool Allows(IPAddress sender)
    {
        if (_networks.Length == 0) return true;
        if (sender.IsIPv4MappedToIPv6) sender = sender.MapToIPv4();
        foreach (var network in _networks)
            if (network.Contains(sender)) return true;
        return false;
    }

    public static bool TryParseNetwork(string text, out IPNetwork network)
    {
        text = text.Trim();
        if (IPNetwork.TryParse(text, out network)) return true;
        if (IPAddress.TryParse(text, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        return false;
    }
}
