using System.Net;
using System.Net.Sockets;

namespace GrokFlow.Runtime.Sources;

/// <summary>
/// The <see cref="SenderInfo"/> of the last few senders, by raw address, so that datagrams interleaved from a handful
/// of devices (or exporters) do not make a new endpoint, address text and network check per datagram.
/// </summary>
internal sealed class SenderCache(IPEndPoint local, SenderNetworks networks)
{
    private const int Size = 16;
    private readonly byte[][] _addresses = new byte[Size][];
    private readonly SenderInfo[] _senders = new SenderInfo[Size];
    private readonly SocketAddress _scratch = new(local.AddressFamily);
    private int _count, _next, _last;

    public SenderInfo Get(ReadOnlySpan<byte> address)
    {
        if (_count > 0 && address.SequenceEqual(_addresses[_last])) return _senders[_last];
        for (var i = 0; i < _count; i++)
        {
            if (!address.SequenceEqual(_addresses[i])) continue;
            _last = i;
            return _senders[i];
        }
        address.CopyTo(_scratch.Buffer.Span);
        _scratch.Size = address.Length;
        var endPoint = (IPEndPoint)local.Create(_scratch);
        var sender = new SenderInfo(endPoint, networks.Allows(endPoint.Address));
        _last = _next;
        _addresses[_next] = address.ToArray();
        _senders[_next] = sender;
        _next = (_next + 1) % Size;
        _count = Math.Min(_count + 1, Size);
        return sender;
    }
}
