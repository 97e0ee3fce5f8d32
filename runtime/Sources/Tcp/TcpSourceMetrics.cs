using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace GrokFlow.Runtime.Sources.Tcp;

/// <summary>
/// Counters of the TCP and TLS sources, by source name, under the meter <c>GrokFlow.Tcp</c>. Connections add to plain
/// fields; the meter observes them.
/// </summary>
internal sealed class TcpSourceMetrics : IDisposable
{
    public const string MeterName = "GrokFlow.Tcp";

    private readonly Meter _meter;
    private readonly ConcurrentDictionary<string, TcpSourceCounters> _sources = new();

    public TcpSourceMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        Counter("grokflow.tcp.connections.accepted", c => c.Accepted, "{connection}", "Connections accepted");
        Counter("grokflow.tcp.connections.rejected", c => c.Rejected, "{connection}", "Connections closed at once: over the connection cap or from a sender not allowed");
        Counter("grokflow.tcp.connections.idle_closed", c => c.IdleClosed, "{connection}", "Connections closed after sending nothing for the idle timeout");
        Counter("grokflow.tcp.tls.handshake_failures", c => c.HandshakeFailures, "{connection}", "TLS handshakes that failed or timed out (bad or missing client certificate, plain TCP on a TLS port)");
        Counter("grokflow.tcp.frames", c => c.Frames, "{frame}", "Syslog frames read");
        Counter("grokflow.tcp.frames.truncated", c => c.Truncated, "{frame}", "Frames longer than MaxFrameBytes, cut to it");
        Counter("grokflow.tcp.framing_errors", c => c.FramingErrors, "{connection}", "Connections closed because the octet-counted stream broke (bad length prefix, cut-off frame)");
        Counter("grokflow.tcp.bytes", c => c.Bytes, "By", "Bytes read from connections (after TLS)");
        Counter("grokflow.tcp.backpressure.waits", c => c.BackpressureWaits, "{wait}", "Times a connection stopped reading because the queue was full");
        _meter.CreateObservableGauge("grokflow.tcp.connections.active", () => Measure(c => c.Active), "{connection}", "Open connections");
    }

    public TcpSourceCounters Source(string name) => _sources.GetOrAdd(name, static n => new TcpSourceCounters(n));

    private void Counter(string name, Func<TcpSourceCounters, long> read, string unit, string description) =>
        _meter.CreateObservableCounter(name, () => Measure(read), unit, description);

    private IEnumerable<Measurement<long>> Measure(Func<TcpSourceCounters, long> read) =>
        _sources.Values.Select(c => new Measurement<long>(read(c), new KeyValuePair<string, object?>("source", c.Name)));

    public void Dispose() => _meter.Dispose();
}

/// <summary>The counters of one TCP or TLS source. Thread-safe.</summary>
internal sealed class TcpSourceCounters(string name)
{
    private long _accepted, _rejected, _idleClosed, _handshakeFailures, _frames, _truncated, _framingErrors, _bytes, _waits, _active;

    public string Name { get; } = name;
    public long Accepted => Volatile.Read(ref _accepted);
    public long Rejected => Volatile.Read(ref _rejected);
    public long IdleClosed => Volatile.Read(ref _idleClosed);
    public long HandshakeFailures => Volatile.Read(ref _handshakeFailures);
    public long Frames => Volatile.Read(ref _frames);
    public long Truncated => Volatile.Read(ref _truncated);
    public long FramingErrors => Volatile.Read(ref _framingErrors);
    public long Bytes => Volatile.Read(ref _bytes);
    public long BackpressureWaits => Volatile.Read(ref _waits);
    public long Active => Volatile.Read(ref _active);

    public void Opened()
    {
        Interlocked.Increment(ref _accepted);
        Interlocked.Increment(ref _active);
    }

    public void Closed() => Interlocked.Decrement(ref _active);
    public void Reject() => Interlocked.Increment(ref _rejected);
    public void IdleClose() => Interlocked.Increment(ref _idleClosed);
    public void HandshakeFailed() => Interlocked.Increment(ref _handshakeFailures);
    public void FramingError() => Interlocked.Increment(ref _framingErrors);
    public void BackpressureWait() => Interlocked.Increment(ref _waits);

    public void Read(long bytes, long frames, long truncated)
    {
        Interlocked.Add(ref _bytes, bytes);
        if (frames != 0) Interlocked.Add(ref _frames, frames);
        if (truncated != 0) Interlocked.Add(ref _truncated, truncated);
    }
}
