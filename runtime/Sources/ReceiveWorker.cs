using System.Net;
using System.Net.Sockets;
using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Sink;
using Microsoft.Extensions.Logging;

namespace GrokFlow.Runtime.Sources;

/// <summary>
/// One receive thread: take the datagrams waiting (several per system call, allocation-free), check each sender, hand
/// them to its own handler, which writes into its own batch builder (the builder's gate is taken once per batch of
/// datagrams and only contended by the flush timer). Bad datagrams are counted by
/// the handler and never stop the loop.
/// </summary>
internal sealed class ReceiveWorker : IDisposable
{
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
    private readonly DatagramReceiver _receiver;
    private readonly TimeSpan _coalesce;
    private readonly ReceivePriority _priority;
    private volatile bool _stopping;

    public ReceiveWorker(Socket socket, string threadName, string sourceName, SenderNetworks networks, IDatagramHandler handler, BatchBuilder builder,
        HostMetrics metrics, TimeProvider clock, ILogger logger, TimeSpan coalesce, ReceivePriority priority)
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
        _receiver = new DatagramReceiver(socket);
        _coalesce = coalesce;
        _priority = priority;
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
        _priority.ApplyToCurrentThread();
        var senders = new SenderCache((IPEndPoint)_socket.LocalEndPoint!, _networks);
        while (!_stopping)
        {
            var count = _receiver.Receive();
            if (count < 0) break;   // the socket is closed
            if (count == 0)
            {
                if (!_stopping && _receiver.LastError is not (SocketError.Success or SocketError.TimedOut))
                    _logger.LogDebug("Source {Name}: receive error {Error}", _sourceName, _receiver.LastError);
                continue;
            }
            _counters.AddDatagrams(count);
            var receivedAt = _clock.GetUtcNow();
            var events = 0;
            lock (_builder.Gate)
            {
                for (var i = 0; i < count; i++)
                {
                    var sender = senders.Get(_receiver.SenderAddress(i));
                    if (!sender.Allowed)
                    {
                        _metrics.Drop(DropReason.SenderNotAllowed);
                        continue;
                    }
                    events += HandleSafely(_receiver.Datagram(i), sender, receivedAt);
                }
                _handler.PublishCounts();
            }
            _counters.AddEvents(events);
            // Unbatched receives take one datagram a call: pausing after each would cap the rate.
            if (count < DatagramReceiver.Capacity && _receiver.Batched) ReceiveCoalescing.Pause(_coalesce);
        }
    }

    private int HandleSafely(ReadOnlySpan<byte> datagram, SenderInfo sender, DateTimeOffset receivedAt)
    {
        try
        {
            return _handler.Handle(datagram, sender, receivedAt);
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

    public void Dispose()
    {
        _handler.Dispose();
        _receiver.Dispose();
    }
}
