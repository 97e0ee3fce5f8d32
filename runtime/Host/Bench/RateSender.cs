using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GrokFlow.Runtime.Host.Bench;

/// <summary>Sends datagrams over UDP at a fixed rate (datagrams per second) for a duration, cycling through a set.</summary>
internal static class RateSender
{
    /// <summary>Returns how many datagrams were sent.</summary>
    public static long Send(IPEndPoint target, IReadOnlyList<byte[]> datagrams, double perSecond, TimeSpan duration)
    {
        using var socket = new Socket(target.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.SendBufferSize = 4 * 1024 * 1024;
        socket.Connect(target);
        var clock = Stopwatch.StartNew();
        long sent = 0;
        while (clock.Elapsed < duration)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * perSecond);
            if (sent >= due)
            {
                Thread.Sleep(1);   // ahead of schedule: let the host have the CPU
                continue;
            }
            while (sent < due)
            {
                try
                {
                    socket.Send(datagrams[(int)(sent % datagrams.Count)]);
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionRefused or SocketError.NoBufferSpaceAvailable)
                {
                    // an ICMP error from an earlier datagram, or a full send queue: count it as sent (the host lost it)
                }
                sent++;
            }
        }
        return sent;
    }
}
