using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace GrokFlow.Runtime.Host;

/// <summary>
/// The host's counters, published through System.Diagnostics.Metrics under the meter <c>GrokFlow.Host</c> (read them
/// with <c>dotnet-counters monitor -n grokflow --counters GrokFlow.Host</c>) and read by the periodic summary line.
/// Hot paths add to plain fields with Interlocked; the meter observes them, so an unobserved counter costs nothing.
/// </summary>
internal sealed class HostMetrics : IDisposable
{
    public const string MeterName = "GrokFlow.Host";

    private readonly Meter _meter;
    private readonly long[] _drops = new long[Enum.GetValues<DropReason>().Length];
    private readonly ConcurrentDictionary<string, PipelineCounters> _pipelines = new();
    private long _datagrams, _events, _batches, _eventsSent, _bytesSent, _compressedBytesSent, _retries;
    private long _queueBytes, _spoolBytes, _spoolFiles;

    public HostMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _meter.CreateObservableCounter("grokflow.datagrams", () => Datagrams, "{datagram}", "UDP datagrams received");
        _meter.CreateObservableCounter("grokflow.receive.calls", () => ReceiveCalls, "{call}", "Receive system calls that returned datagrams (datagrams / calls: the batch a wake-up takes)");
        _meter.CreateObservableCounter("grokflow.events", () => Events, "{event}", "Events (log lines, flows) made from datagrams");
        _meter.CreateObservableCounter("grokflow.pipeline.parsed", () => PipelineMeasurements(p => p.Parsed), "{event}", "Events a pipeline parsed");
        _meter.CreateObservableCounter("grokflow.pipeline.unmatched", () => PipelineMeasurements(p => p.Unmatched), "{event}", "Events a pipeline applied to but could not parse");
        _meter.CreateObservableCounter("grokflow.dropped", DropMeasurements, "{event}", "Events or datagrams dropped, by reason");
        _meter.CreateObservableCounter("grokflow.batches.sent", () => Batches, "{batch}", "Batches the intake accepted");
        _meter.CreateObservableCounter("grokflow.events.sent", () => EventsSent, "{event}", "Events the intake accepted");
        _meter.CreateObservableCounter("grokflow.bytes.sent", () => BytesSent, "By", "Uncompressed JSON bytes the intake accepted");
        _meter.CreateObservableCounter("grokflow.bytes.sent.compressed", () => CompressedBytesSent, "By", "Compressed bytes the intake accepted");
        _meter.CreateObservableCounter("grokflow.retries", () => Retries, "{attempt}", "Send attempts that failed and were retried");
        _meter.CreateObservableGauge("grokflow.queue.bytes", () => QueueBytes, "By", "Batches waiting in memory");
        _meter.CreateObservableGauge("grokflow.spool.bytes", () => SpoolBytes, "By", "Batches waiting in the disk spool");
        _meter.CreateObservableGauge("grokflow.spool.files", () => SpoolFiles, "{file}", "Batch files waiting in the disk spool");
    }

    private readonly List<ReceiveCounters> _receivers = [];

    public long Datagrams => Volatile.Read(ref _datagrams) + SumReceivers(static r => r.Datagrams);
    public long Events => Volatile.Read(ref _events) + SumReceivers(static r => r.Events);
    public long ReceiveCalls => SumReceivers(static r => r.Calls);

    /// <summary>Counters owned by one receive worker (one writer, no shared cache line per datagram); summed on read.</summary>
    public ReceiveCounters CreateReceiveCounters()
    {
        var counters = new ReceiveCounters();
        lock (_receivers) _receivers.Add(counters);
        return counters;
    }

    private long SumReceivers(Func<ReceiveCounters, long> read)
    {
        lock (_receivers)
        {
            long sum = 0;
            foreach (var r in _receivers) sum += read(r);
            return sum;
        }
    }
    public long Batches => Volatile.Read(ref _batches);
    public long EventsSent => Volatile.Read(ref _eventsSent);
    public long BytesSent => Volatile.Read(ref _bytesSent);
    public long CompressedBytesSent => Volatile.Read(ref _compressedBytesSent);
    public long Retries => Volatile.Read(ref _retries);
    public long QueueBytes => Volatile.Read(ref _queueBytes);
    public long SpoolBytes => Volatile.Read(ref _spoolBytes);
    public long SpoolFiles => Volatile.Read(ref _spoolFiles);

    public long Dropped(DropReason reason) =>
        reason == DropReason.ReceiveBufferFull ? _kernelDrops?.Invoke() ?? 0 : Volatile.Read(ref _drops[(int)reason]);
    public long DroppedTotal => Enum.GetValues<DropReason>().Sum(Dropped);

    private Func<long>? _kernelDrops;

    /// <summary>Where <see cref="DropReason.ReceiveBufferFull"/> is read from (the kernel counts those drops).</summary>
    public void ObserveKernelDrops(Func<long> read) => _kernelDrops = read;

    public IReadOnlyCollection<PipelineCounters> Pipelines => _pipelines.Values.ToArray();

    public PipelineCounters Pipeline(string id) => _pipelines.GetOrAdd(id, static id => new PipelineCounters(id));

    public void Received(long datagrams, long events)
    {
        Interlocked.Add(ref _datagrams, datagrams);
        Interlocked.Add(ref _events, events);
    }

    public void Drop(DropReason reason, long count = 1) => Interlocked.Add(ref _drops[(int)reason], count);

    public void Sent(int events, long bytes, long compressedBytes)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _eventsSent, events);
        Interlocked.Add(ref _bytesSent, bytes);
        Interlocked.Add(ref _compressedBytesSent, compressedBytes);
    }

    public void Retried() => Interlocked.Increment(ref _retries);
    public void QueueBytesChanged(long delta) => Interlocked.Add(ref _queueBytes, delta);

    public void SpoolChanged(long bytesDelta, long filesDelta)
    {
        Interlocked.Add(ref _spoolBytes, bytesDelta);
        Interlocked.Add(ref _spoolFiles, filesDelta);
    }

    private IEnumerable<Measurement<long>> PipelineMeasurements(Func<PipelineCounters, long> read) =>
        _pipelines.Values.Select(p => new Measurement<long>(read(p), new KeyValuePair<string, object?>("pipeline", p.Id)));

    private IEnumerable<Measurement<long>> DropMeasurements() =>
        Enum.GetValues<DropReason>().Select(r => new Measurement<long>(Dropped(r), new KeyValuePair<string, object?>("reason", DropReasonNames.Of(r))));

    public void Dispose() => _meter.Dispose();
}

/// <summary>Datagrams and events of one receive worker: written by its thread only, read by anyone.</summary>
internal sealed class ReceiveCounters
{
    private long _datagrams, _events, _calls;

    public long Datagrams => Volatile.Read(ref _datagrams);
    public long Events => Volatile.Read(ref _events);
    public long Calls => Volatile.Read(ref _calls);

    /// <summary>The datagrams one receive call returned.</summary>
    public void AddDatagrams(long datagrams)
    {
        Volatile.Write(ref _calls, _calls + 1);
        Volatile.Write(ref _datagrams, _datagrams + datagrams);
    }

    public void AddEvents(long events) => Volatile.Write(ref _events, _events + events);
}

/// <summary>Parsed/unmatched counts of one pipeline.</summary>
internal sealed class PipelineCounters(string id)
{
    private long _parsed, _unmatched;

    public string Id { get; } = id;
    public long Parsed => Volatile.Read(ref _parsed);
    public long Unmatched => Volatile.Read(ref _unmatched);

    public void Add(long parsed, long unmatched)
    {
        if (parsed != 0) Interlocked.Add(ref _parsed, parsed);
        if (unmatched != 0) Interlocked.Add(ref _unmatched, unmatched);
    }
}

/// <summary>The snake_case names drop reasons carry in metrics and logs.</summary>
internal static class DropReasonNames
{
    public static string Of(DropReason reason) => reason switch
    {
        DropReason.QueueFull => "queue_full",
        DropReason.SpoolFull => "spool_full",
        DropReason.Malformed => "malformed",
        DropReason.SenderNotAllowed => "sender_not_allowed",
        DropReason.RejectedByIntake => "rejected_by_intake",
        DropReason.SpoolCorrupt => "spool_corrupt",
        DropReason.Shutdown => "shutdown",
        DropReason.Oversize => "oversize",
        DropReason.RetriesExhausted => "retries_exhausted",
        DropReason.ReceiveBufferFull => "receive_buffer_full",
        _ => reason.ToString(),
    };
}
