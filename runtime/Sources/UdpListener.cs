using System.Net;
using System.Net.Sockets;
using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Sink;
using Microsoft.Extensions.Logging;

namespace GrokFlow.Runtime.Sources;

/// <summary>
/// One UDP source: its sockets (one per worker with SO_REUSEPORT, or one shared) and its receive workers, each with
/// its own handler and batch builder, so no lock is shared between workers or sources.
/// </summary>
internal sealed class UdpListener : IDisposable
{
    private readonly List<Socket> _sockets = [];
    private readonly List<ReceiveWorker> _workers = [];

    public UdpListener(SourceOptions options, Func<BatchBuilder, IDatagramHandler> createHandler, BatchBuilders builders, KernelReceiveDrops kernelDrops,
        HostMetrics metrics, TimeProvider clock, ILogger logger)
    {
        var address = IPAddress.Parse(options.Bind);
        var count = options.WorkerCount;
        var reusePort = options.ReceiveMode == ReceiveMode.ReusePort && count > 1 && OperatingSystem.IsLinux();
        var networks = new SenderNetworks(options.AllowedNetworks);
        try
        {
            var port = reusePort ? UnheldPort(address, options) : options.Port;
            var first = Open(address, port, reusePort, options, logger);
            LocalEndPoint = (IPEndPoint)first.LocalEndPoint!;
            for (var i = 1; i < (reusePort ? count : 1); i++) Open(address, LocalEndPoint.Port, reusePort, options, logger);
            foreach (var socket in _sockets) kernelDrops.Add(socket);
            var priority = new ReceivePriority(options.ReceiveThreadNice, options.DisplayName, logger);
            for (var i = 0; i < count; i++)
            {
                var builder = builders.Create();
                var socket = _sockets[reusePort ? i : 0];
                _workers.Add(new ReceiveWorker(socket, $"{options.DisplayName}#{i}", options.DisplayName, networks, createHandler(builder), builder, metrics, clock, logger,
                    CoalescingPause(socket, options), priority));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
        SocketsPerWorker = reusePort ? "one socket per worker (SO_REUSEPORT)" : count > 1 ? "one shared socket" : "one socket";
    }

    public IPEndPoint LocalEndPoint { get; } = null!;

    public int WorkerCount => _workers.Count;

    public string SocketsPerWorker { get; }

    private Socket Open(IPAddress address, int port, bool reusePort, SourceOptions options, ILogger logger)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _sockets.Add(socket);
        try
        {
            if (address.Equals(IPAddress.IPv6Any)) socket.DualMode = true;
            if (reusePort) socket.SetRawSocketOption(SolSocket, SoReusePort, BitConverter.GetBytes(1));
            SetReceiveBuffer(socket, options, logger);
            socket.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException($"Source {options.DisplayName}: cannot listen on UDP {options.Bind}:{port}: {e.Message}", e);
        }
        return socket;
    }

    /// <summary>
    /// The configured port (or, for port 0, an ephemeral one), checked to be held by nobody. SO_REUSEPORT sockets of the
    /// same user may all bind one port, and would then silently split its traffic: a second grokflow on the same port,
    /// or, for port 0, a group Linux placed on a port another group of ours already holds. A plain socket is refused a
    /// held port and only given a free one.
    /// </summary>
    private static int UnheldPort(IPAddress address, SourceOptions options)
    {
        using var probe = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (address.Equals(IPAddress.IPv6Any)) probe.DualMode = true;
        try
        {
            probe.Bind(new IPEndPoint(address, options.Port));
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException($"Source {options.DisplayName}: cannot listen on UDP {options.Bind}:{options.Port}: {e.Message}", e);
        }
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private const int SolSocket = 1, SoReusePort = 15, SoRcvBufForce = 33;

    // SO_RCVBUF is capped by net.core.rmem_max (often 208 KiB: a few milliseconds of traffic at high rates);
    // SO_RCVBUFFORCE passes the cap when running with CAP_NET_ADMIN.
    private static void SetReceiveBuffer(Socket socket, SourceOptions options, ILogger logger)
    {
        var bytes = options.ReceiveBufferBytes;
        if (OperatingSystem.IsLinux())
        {
            try
            {
                socket.SetRawSocketOption(SolSocket, SoRcvBufForce, BitConverter.GetBytes(bytes));
                return;
            }
            catch (SocketException)
            {
                // not privileged: fall back to the capped option below
            }
        }
        socket.ReceiveBufferSize = bytes;
        if (socket.ReceiveBufferSize < bytes)
            logger.LogWarning("Source {Name}: the kernel gave a {Actual}-byte receive buffer instead of {Asked}; raise net.core.rmem_max to absorb bursts",
                options.DisplayName, socket.ReceiveBufferSize, bytes);
    }

    /// <summary>Sockets with less receive buffer than this do not pause (<see cref="ReceiveCoalescing"/>): it could overflow meanwhile.</summary>
    internal const int MinCoalescingBuffer = 1024 * 1024;

    private static TimeSpan CoalescingPause(Socket socket, SourceOptions options) =>
        socket.ReceiveBufferSize >= MinCoalescingBuffer ? TimeSpan.FromMicroseconds(options.ReceiveCoalesceMicroseconds) : TimeSpan.Zero;

    public void Start()
    {
        foreach (var worker in _workers) worker.Start();
    }

    /// <summary>Stops receiving and waits for the workers; what their builders hold is sealed by the caller.</summary>
    public void Stop()
    {
        foreach (var worker in _workers) worker.Stopping();
        foreach (var socket in _sockets) socket.Close();
        foreach (var worker in _workers) worker.Join();
        foreach (var worker in _workers) worker.Drain();
    }

    public void Dispose()
    {
        foreach (var socket in _sockets) socket.Dispose();
        foreach (var worker in _workers) worker.Dispose();
    }
}
