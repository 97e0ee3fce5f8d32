using System.Net;
using System.Net.Sockets;

namespace GrokFlow.Runtime.Host.Bench;

/// <summary>Free TCP ports on 127.0.0.1 for the local intake and the metrics endpoint of a load run.</summary>
internal static class LoopbackPorts
{
    /// <summary>A port the kernel just handed out and released: free now, though another process could take it.</summary>
    public static int FreeTcpPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
