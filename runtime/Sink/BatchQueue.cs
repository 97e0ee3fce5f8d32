using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Spool;
using Microsoft.Extensions.Logging;

namespace GrokFlow.Runtime.Sink;

/// <summary>
/// The bounded queue between receiving and sending, in order. Batches wait in memory up to
/// <see cref="QueueOptions.MemoryBytes"/>; past it (and while anything waits on disk, so that order holds) they go to
/// the disk spool, written by the background writer (<see cref="WriteSpilled"/>) so that a receive thread never
/// compresses or writes a file, unless that writer is a whole memory queue behind; with the spool off or full they
/// are dropped and counted. Senders take memory batches first (they
/// are always older than spooled ones), then spool files oldest first. In the durable spool mode a copy of every
/// batch that waits (in memory or in flight) longer than <see cref="SpoolOptions.MaxMemoryAge"/>, or of every batch
/// at once while the intake fails, is written to the spool (<see cref="PersistDue"/>), so a crash loses none of them.
/// </summary>
internal sealed class BatchQueue : IBatchTarget, IDisposable
{
    private readonly object _gate = new();
    private readonly Queue<EventBatch> _memory = new();
    private readonly Queue<EventBatch> _spilling = new();   // sealed for the spool, waiting for the background writer
    private long _spillingBytes;
    private int _spillWrites;   // batches taken from _spilling whose file is being written
    private readonly HashSet<EventBatch> _inFlight = [];
    private readonly SemaphoreSlim _available = new(0);
    private readonly SemaphoreSlim _persistWanted = new(0);
    private readonly IntakeHealth _health;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _maxMemoryAge;
    private readonly bool _durable;
    private int _persistSignalled;
    private readonly long _memoryBound;
    private readonly DiskSpool? _spool;
    private readonly HostMetrics _metrics;
    private readonly ILogger _logger;
    private long _memoryBytes;
    private long _nextSequence;
    private bool _completed;
    private long _lastDropLog;

    public BatchQueue(QueueOptions options, DiskSpool? spool, SpoolOptions spoolOptions, IntakeHealth health, TimeProvider clock,
        HostMetrics metrics, ILogger<BatchQueue> logger)
    {
        _memoryBound = options.MemoryBytes;
        _spool = spool;
        _health = health;
        _clock = clock;
        _durable = spool is not null && spoolOptions.Mode == SpoolMode.Durable;
        _maxMemoryAge = spoolOptions.MaxMemoryAge;
        _metrics = metrics;
        _logger = logger;
        _nextSequence = (spool?.MaxSequence ?? -1) + 1;
        if (spool is { PendingCount: > 0 }) _available.Release(spool.PendingCount);
    }

    /// <summary>Batches waiting in memory.</summary>
    public int MemoryCount { get { lock (_gate) return _memory.Count; } }

    /// <summary>
    /// True when a stream source (which can make its senders wait) should go on reading <paramref name="bytes"/>
    /// more: while they fit in memory, or, while the intake fails, in the spool. While the intake is healthy (only
    /// slower than the senders) a full memory queue pushes back instead of spilling to disk (unless files already
    /// wait there): the spool would not send any faster, it would only add a write, a read and a gunzip per batch.
    /// </summary>
    public bool HasRoomFor(long bytes)
    {
        lock (_gate)
        {
            var spooling = Spooling;
            if (!spooling && _memoryBytes + bytes <= _memoryBound) return true;
            // Behind files already waiting, new batches queue on disk too (order); otherwise disk only for an outage.
            return _spool is not null && (spooling || IntakeFailing) && _spool.HasRoomFor(bytes);
        }
    }

    public void Accept(EventBatch batch)
    {
        lock (_gate)
        {
            batch.Sequence = _nextSequence++;
            if (!_completed && (_spool is null || !Spooling) && _memoryBytes + batch.Capacity <= _memoryBound)
            {
                _memory.Enqueue(batch);
                _memoryBytes += batch.Capacity;
                _metrics.QueueBytesChanged(batch.Capacity);
                _available.Release();
                if (_durable && IntakeFailing) WantPersist();
                return;
            }
            if (_spool is null)
            {
                DropLocked(batch, DropReason.QueueFull);
                return;
            }
            if (!_completed && _spillingBytes + batch.Capacity <= _memoryBound)
            {
                _spilling.Enqueue(batch);
                _spillingBytes += batch.Capacity;
                _metrics.QueueBytesChanged(batch.Capacity);
                WantPersist();
                return;
            }
            // Stopping, or the writer is a whole memory queue behind: the source waits for the disk.
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
                    _inFlight.Add(batch);
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

    // Files wait on disk, or batches are on their way there: new batches queue behind them (order).
    private bool Spooling => _spool is not null && (_spool.PendingCount > 0 || _spilling.Count > 0 || _spillWrites > 0);

    /// <summary>
    /// Writes the batches sealed for the spool (see <see cref="Accept"/>) to it, oldest first, and wakes a sender for
    /// each; a batch the spool cannot take is dropped and counted. Returns how many were written.
    /// </summary>
    public int WriteSpilled()
    {
        var written = 0;
        while (true)
        {
            EventBatch? batch;
            lock (_gate)
            {
                if (!_spilling.TryDequeue(out batch)) return written;
                _spillingBytes -= batch.Capacity;
                _metrics.QueueBytesChanged(-batch.Capacity);
                _spillWrites++;
            }
            var ok = _spool!.TryWrite(batch);
            lock (_gate)
            {
                _spillWrites--;
                if (!ok)
                {
                    DropLocked(batch, DropReason.SpoolFull);
                    continue;
                }
                batch.Release();
                _available.Release();
                written++;
            }
        }
    }

    /// <summary>The batch reached the intake (or was dropped with a counted reason): forget it.</summary>
    public void Complete(EventBatch batch)
    {
        lock (_gate) _inFlight.Remove(batch);
        batch.Release();   // first: a copy cannot be written after this
        if (batch.FromSpool || batch.Persisted) _spool?.Delete(batch.Sequence);
    }

    /// <summary>The batch cannot be delivered at all (a damaged spool file): count its events as dropped and forget it.</summary>
    public void Discard(EventBatch batch, DropReason reason)
    {
        _metrics.Drop(reason, batch.Count);
        Complete(batch);
    }

    /// <summary>
    /// The batch could not be sent before stopping: it goes to the spool (a spooled batch simply stays there), or,
    /// with the spool off or full, is dropped and counted.
    /// </summary>
    public void Return(EventBatch batch)
    {
        lock (_gate) _inFlight.Remove(batch);
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

    /// <summary>
    /// The batch failed in a way its sender did not expect: it waits again (a spooled batch in its file, any other in
    /// memory) and a sender is woken for it.
    /// </summary>
    public void Requeue(EventBatch batch)
    {
        lock (_gate)
        {
            _inFlight.Remove(batch);
            if (batch.FromSpool)
            {
                _spool!.Unreserve(batch.Sequence);
                batch.Release();
            }
            else
            {
                _memory.Enqueue(batch);
                _memoryBytes += batch.Capacity;
                _metrics.QueueBytesChanged(batch.Capacity);
            }
        }
        _available.Release();
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
        if (_spool is not null) WriteSpilled();
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

    /// <summary>Whether the durable mode is on: <see cref="PersistDue"/> has work to do.</summary>
    public bool Durable => _durable;

    /// <summary>How often the persister looks for batches that became due.</summary>
    public TimeSpan PersistTick => TimeSpan.FromMilliseconds(Math.Clamp(_maxMemoryAge.TotalMilliseconds / 4, 5, 1000));

    private bool IntakeFailing => _health.State is IntakeState.Failing or IntakeState.Unauthorized;

    private void WantPersist()
    {
        if (Interlocked.Exchange(ref _persistSignalled, 1) == 0) _persistWanted.Release();
    }

    /// <summary>Waits until a batch should be persisted at once, or one tick.</summary>
    public async Task WaitForPersistWorkAsync(CancellationToken cancellationToken)
    {
        await _persistWanted.WaitAsync(PersistTick, cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _persistSignalled, 0);
    }

    /// <summary>
    /// Writes a spool copy of every batch in memory or in flight whose first event is older than half the maximum
    /// memory age (the other half covers the tick and the write), or of all of them while the intake is failing.
    /// Returns how many copies were written.
    /// </summary>
    public int PersistDue()
    {
        if (!_durable) return 0;
        var failing = IntakeFailing;
        var threshold = _maxMemoryAge / 2;
        EventBatch[] candidates;
        lock (_gate) candidates = [.. _inFlight, .. _memory];
        var written = 0;
        foreach (var batch in candidates)
        {
            if (batch.FromSpool || batch.Persisted) continue;
            if (!failing && _clock.GetElapsedTime(batch.FirstEventAt) < threshold) continue;
            if (batch.Persist(_spool!.TryWriteCopy)) written++;
        }
        return written;
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

    public void Dispose()
    {
        _available.Dispose();
        _persistWanted.Dispose();
    }
}
