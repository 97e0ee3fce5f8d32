using System.Net;
using System.Net.Sockets;
using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Sink;
using Microsoft.Extensions.Logging;

namespace GrokFlow.Runtime.Sources;

/// <summary>
/// One receive thread: receive (allocation-free), check the sender, hand the datagram to its own handler, which writes
/// into its own batch builder (the builder's gate is only contended by the flush timer). Bad datagrams are counted by
/// the handler and never stop the loop.
/// </summary>
internal sealed class ReceiveWorker : IDisposable
{
    private const int MaxDatagram = 65535;

    private readonly Socket _socket;
    private readonly string _sourceName;
    private readonly SenderNetworks _networks;
    private readonly IDatagramHandler _handler;
    private readonly BatchBuilder _builder;
    private readonly HostMetrics _metrics;
    private readonly ReceiveCounters _counters;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private volatile bool _stopping;

    public ReceiveWorker(Socket socket, string threadName, string sourceName, SenderNetworks networks, IDatagramHandler handler, BatchBuilder builder,
        HostMetrics metrics, TimeProvider clock, ILogger logger)
    {
        _socket = socket;
        _sourceName = sourceName;
        _networks = networks;
        _handler = handler;
        _builder = builder;
        _metrics = metrics;
        _counters = metrics.CreateReceiveCounters();
        _clock = clock;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = $"grokflow {threadName}" };
    }

    public void Start() => _thread.Start();

    public void Stopping() => _stopping = true;

    public void Join()
    {
        if (_thread.IsAlive) _thread.Join();
    }

    /// <summary>After <see cref="Join"/>: lets the handler write what it still holds (an open aggregation window).</summary>
    public void Drain()
    {
        lock (_builder.Gate) _handler.Drain();
    }

    private void Run()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram, pinned: true);
        var address = new SocketAddress(_socket.AddressFamily);
        var lastAddress = new SocketAddress(_socket.AddressFamily);
        var local = (IPEndPoint)_socket.LocalEndPoint!;
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
                _logger.LogDebug("Source {Name}: receive error {Error}", _sourceName, e.SocketErrorCode);
                continue;
            }
            catch (Exception) when (_stopping)
            {
                break;
            }
            if (sender is null || !address.Equals(lastAddress))
            {
                address.Buffer.Span.CopyTo(lastAddress.Buffer.Span);
                lastAddress.Size = address.Size;
                var endPoint = (IPEndPoint)local.Create(address);
                sender = new SenderInfo(endPoint, _networks.Allows(endPoint.Address));
            }
            _counters.AddDatagram();
            if (!sender.Allowed)
            {
                _metrics.Drop(DropReason.SenderNotAllowed);
                continue;
            }
            int events;
            lock (_builder.Gate)
                events = HandleSafely(buffer.AsSpan(0, length), sender);
            _counters.AddEvents(events);
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
                _sourceName, datagram.Length, sender.EndPoint);
            return 0;
        }
    }

    public void Dispose() => _handler.Dispose();
}
