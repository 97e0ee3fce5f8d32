using System.Net;
using System.Net.Sockets;
using GrokFlow.Runtime.Sources;

namespace GrokFlow.Tests.Host;

/// <summary>
/// The batched receive (<c>recvmmsg</c> into 64 KiB slots): datagrams from one byte up to the largest UDP payload
/// come back whole, byte for byte, in order, with their sender.
/// </summary>
public sealed class DatagramReceiverTests
{
    [Fact]
    public void DatagramsOfEverySizeComeBackWholeWithTheirSender()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.ReceiveBufferSize = 4 * 1024 * 1024;
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var receiver = new DatagramReceiver(socket);
        int[] sizes = [1, 100, 2047, 2048, 2049, 6161, 65_507, 2, 1400];
        var sent = sizes.Select((size, n) => Enumerable.Range(0, size).Select(i => (byte)(i * 31 + n * 7 + i / 251)).ToArray()).ToArray();
        foreach (var datagram in sent) sender.SendTo(datagram, socket.LocalEndPoint!);

        var received = new List<byte[]>();
        var senders = new List<IPEndPoint>();
        var cache = new SenderCache((IPEndPoint)socket.LocalEndPoint!, new SenderNetworks([]));
        while (received.Count < sent.Length)
        {
            var count = receiver.Receive();
            Assert.True(count > 0, $"received {received.Count} of {sent.Length}, then {count} ({receiver.LastError})");
            for (var i = 0; i < count; i++)
            {
                received.Add(receiver.Datagram(i).ToArray());
                senders.Add(cache.Get(receiver.SenderAddress(i)).EndPoint);
            }
        }

        Assert.Equal(sent.Length, received.Count);
        for (var n = 0; n < sent.Length; n++) Assert.True(sent[n].AsSpan().SequenceEqual(received[n]), $"datagram {n} of {sizes[n]} bytes");
        Assert.All(senders, endPoint => Assert.Equal(sender.LocalEndPoint, endPoint));
    }
}
