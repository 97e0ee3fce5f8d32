using System.Net;
using System.Text;

namespace GrokFlow.Runtime.Sources;

/// <summary>Who sent a datagram, worked out once per sender change (not per datagram).</summary>
internal sealed class SenderInfo(IPEndPoint endPoint, bool allowed)
{
    public IPEndPoint EndPoint { get; } = endPoint;
    public bool Allowed { get; } = allowed;

    /// <summary>The sender's address as UTF-8 text: the hostname of events whose header names none.</summary>
    public byte[] AddressUtf8 { get; } = Encoding.UTF8.GetBytes(
        (endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address).ToString());
}
