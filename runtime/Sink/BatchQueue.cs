using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Spool;
using Microsoft.Extensions.Logging;

namespace GrokFlow.Runtime.Sink;

/// <summary>
/// The bounded queue between receiving and sending, in order. Batches wait in memory up to
/// <see cref="QueueOptions.MemoryBytes"/>; past it (and while anything waits on disk, so that order holds) they go to
/// the disk spool; with the spool off or full they are dropped and counted. Senders take memory batches first (they
/// are always older than spooled ones), then spool files oldest first.
/// </summary>
internal sealed class BatchQueue : IBatchTarget, IDisposable
{
    private readonly object _gate = new();
    private readonly Queue<EventBatch> _memory = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly long _memoryBound;
    private readonly DiskSpool? _spool;
    private readonly HostMetrics _metrics;
    private readonly ILogger _logger;
    private long _memoryBytes;
    private long _nextSequence;
    private bool _completed;
    private long _lastDropLog;

    public BatchQueue(QueueOptions options, DiskSpool? spool, HostMetrics metrics, ILogger<BatchQueue> logger)
    {
        _memoryBound = options.MemoryBytes;
        _spool = spool;
        _metrics = metrics;
        _logger = logger;
        _nextSequence = (spool?.MaxSequence ?? -1) + 1;
        if (spool is { PendingCount: > 0 }) _available.Release(spool.PendingCount);
    }

    /// <summary>Batches waiting in memory.</summary>
    public int MemoryCount { get { lock (_gate) return _memory.Count; } }

    /// <summary>
    /// True when <paramref name="bytes"/> more would be kept (in memory or in the spool) rather than dropped; stream
    /// sources stop reading while it is false.
    /// </summary>
    public bool HasRoomFor(long bytes)
    {
        lock (_gate)
        {
            if ((_spool is null || _spool.PendingCount == 0) && _memoryBytes + bytes <= _memoryBound) return true;
            return _spool is not null && _spool.HasRoomFor(bytes);
        }
    }

    public void Accept(EventBatch batch)
    {
        lock (_gate)
        {
            batch.Sequence = _nextSequence++;
            if (!_completed && (_spool is null || _spool.PendingCount == 0) && _memoryBytes + batch.Capacity <= _memoryBound)
            {
                _memory.Enqueue(batch);
                _memoryBytes += batch.Capacity;
                _metrics.QueueBytesChanged(batch.Capacity);
                _available.Release();
                return;
            }
            if (_spool is null)
            {
                DropLocked(batch, DropReason.QueueFull);
                return;
            }
            if (!_spool.TryWrite(batch))
            {
                DropLocked(batch, DropReason.SpoolFull);
                return;
            }
            batch.Release();
            _available.Release();
        }
    }

    /// <summary>The next batch to send, oldest first; null once the queue is completed and empty.</summary>
    public async ValueTask<EventBatch?> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
            long sequence;
            lock (_gate)
            {
                if (_memory.TryDequeue(out var batch))
                {
                    _memoryBytes -= batch.Capacity;
                    _metrics.QueueBytesChanged(-batch.Capacity);
                    return batch;
                }
                if (_spool is null || !_spool.TryReserveOldest(out sequence))
                {
                    if (_completed) return null;
                    continue;
                }
            }
            var fromDisk = _spool.Read(sequence);
            if (fromDisk is not null) return fromDisk;
        }
    }

    /// <summary>The batch reached the intake (or was dropped with a counted reason): forget it.</summary>
    public void Complete(EventBatch batch)
    {
        if (batch.FromSpool) _spool?.Delete(batch.Sequence);
        batch.Release();
    }

    /// <summary>
    /// The batch could not be sent before stopping: it goes to the spool (a spooled batch simply stays there), or,
    /// with the spool off or full, is dropped and counted.
    /// </summary>
    public void Return(EventBatch batch)
    {
        if (batch.FromSpool)
        {
            batch.Release();
            return;
        }
        lock (_gate)
        {
            if (_spool is not null && _spool.TryWrite(batch)) batch.Release();
            else DropLocked(batch, _spool is null ? DropReason.Shutdown : DropReason.SpoolFull);
        }
    }

    /// <summary>No more batches will come; wakes <paramref name="takers"/> waiting takers once the queue is empty.</summary>
    public void CompleteAdding(int takers)
    {
        lock (_gate)
        {
            if (_completed) return;
            _completed = true;
        }
        _available.Release(takers);
    }

    /// <summary>After the senders stopped: moves what is still in memory to the spool (or counts it dropped).</summary>
    public void SpillMemory()
    {
        List<EventBatch> left;
        lock (_gate)
        {
            left = [.. _memory];
            _memory.Clear();
            _metrics.QueueBytesChanged(-_memoryBytes);
            _memoryBytes = 0;
        }
        foreach (var batch in left) Return(batch);
    }

    private void DropLocked(EventBatch batch, DropReason reason)
    {
        _metrics.Drop(reason, batch.Count);
        batch.Release();
        var now = Environment.TickCount64;
        if (now - _lastDropLog < 10_000) return;
        _lastDropLog = now;
        _logger.LogError("Queue: dropped a batch of {Count} events ({Reason}); the intake has been unreachable longer than the memory queue{Spool} can hold",
            batch.Count, DropReasonNames.Of(reason), _spool is null ? " (the spool is off)" : " and the spool");
    }

    public void Dispose() => _available.Dispose();
}
