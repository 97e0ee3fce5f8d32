using System.Net;
using System.Net.Sockets;
using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Sink;
using Microsoft.Extensions.Logging;

namespace GrokFlow.Runtime.Sources;

/// <summary>
/// One UDP socket read by one dedicated thread: receive (allocation-free), check the sender, hand the datagram to the
/// handler with the builder's gate held. Bad datagrams are counted by the handler and never stop the loop.
/// </summary>
internal sealed class UdpListener : IDisposable
{
    private const int MaxDatagram = 65535;

    private readonly Socket _socket;
    private readonly SourceOptions _options;
    private readonly SenderNetworks _networks;
    private readonly IDatagramHandler _handler;
    private readonly BatchBuilder _builder;
    private readonly HostMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private volatile bool _stopping;

    public UdpListener(SourceOptions options, IDatagramHandler handler, BatchBuilder builder, HostMetrics metrics, TimeProvider clock, ILogger logger)
    {
        _options = options;
        _networks = new SenderNetworks(options.AllowedNetworks);
        _handler = handler;
        _builder = builder;
        _metrics = metrics;
        _clock = clock;
        _logger = logger;
        var address = IPAddress.Parse(options.Bind);
        _socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (address.Equals(IPAddress.IPv6Any)) _socket.DualMode = true;
            SetReceiveBuffer(options.ReceiveBufferBytes);
            _socket.Bind(new IPEndPoint(address, options.Port));
        }
        catch (SocketException e)
        {
            _socket.Dispose();
            throw new InvalidOperationException($"Source {options.DisplayName}: cannot listen on UDP {options.Bind}:{options.Port}: {e.Message}", e);
        }
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _thread = new Thread(Run) { IsBackground = true, Name = $"grokflow {options.DisplayName}" };
    }

    public IPEndPoint LocalEndPoint { get; }

    // SO_RCVBUF is capped by net.core.rmem_max (often 208 KiB: a few milliseconds of traffic at high rates);
    // SO_RCVBUFFORCE passes the cap when running with CAP_NET_ADMIN.
    private void SetReceiveBuffer(int bytes)
    {
        const int SolSocket = 1, SoRcvBufForce = 33;
        if (OperatingSystem.IsLinux())
        {
            try
            {
                _socket.SetRawSocketOption(SolSocket, SoRcvBufForce, BitConverter.GetBytes(bytes));
                return;
            }
            catch (SocketException)
            {
                // not privileged: fall back to the capped option below
            }
        }
        _socket.ReceiveBufferSize = bytes;
        if (_socket.ReceiveBufferSize < bytes)
            _logger.LogWarning("Source {Name}: the kernel gave a {Actual}-byte receive buffer instead of {Asked}; raise net.core.rmem_max to absorb bursts",
                _options.DisplayName, _socket.ReceiveBufferSize, bytes);
    }

    public void Start() => _thread.Start();

    private void Run()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram, pinned: true);
        var address = new SocketAddress(_socket.AddressFamily);
        var lastAddress = new SocketAddress(_socket.AddressFamily);
        SenderInfo? sender = null;
        while (!_stopping)
        {
            int length;
            try
            {
                length = _socket.ReceiveFrom(buffer, SocketFlags.None, address);
            }
            catch (SocketException e) when (!_stopping)
            {
                // ICMP errors and the like are reported on UDP sockets; they are not fatal.
                _logger.LogDebug("Source {Name}: receive error {Error}", _options.DisplayName, e.SocketErrorCode);
                continue;
            }
            catch (Exception) when (_stopping)
            {
                return;
            }
            if (sender is null || !address.Equals(lastAddress))
            {
                address.Buffer.Span.CopyTo(lastAddress.Buffer.Span);
                lastAddress.Size = address.Size;
                var endPoint = (IPEndPoint)LocalEndPoint.Create(address);
                sender = new SenderInfo(endPoint, _networks.Allows(endPoint.Address));
            }
            if (!sender.Allowed)
            {
                _metrics.Received(1, 0);
                _metrics.Drop(DropReason.SenderNotAllowed);
                continue;
            }
            int events;
            lock (_builder.Gate)
                events = HandleSafely(buffer.AsSpan(0, length), sender);
            _metrics.Received(1, events);
        }
    }

    private int HandleSafely(ReadOnlySpan<byte> datagram, SenderInfo sender)
    {
        try
        {
            return _handler.Handle(datagram, sender, _clock.GetUtcNow());
        }
        catch (Exception e)
        {
            _builder.CancelEvent();
            _metrics.Drop(DropReason.Malformed);
            _logger.LogWarning(e, "Source {Name}: a datagram of {Length} bytes from {Sender} could not be read; dropped (counted as malformed)",
                _options.DisplayName, datagram.Length, sender.EndPoint);
            return 0;
        }
    }

    /// <summary>Stops receiving and waits for the thread; what the builder holds is sealed by the caller.</summary>
    public void Stop()
    {
        _stopping = true;
        _socket.Close();
        if (_thread.IsAlive) _thread.Join();
        lock (_builder.Gate) _handler.Drain();
    }

    public void Dispose()
    {
        _socket.Dispose();
        _handler.Dispose();
    }
}
