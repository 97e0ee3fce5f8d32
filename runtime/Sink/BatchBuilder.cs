using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using GrokFlow.Runtime.Host.Options;

namespace GrokFlow.Runtime.Sink;

/// <summary>
/// Writes events straight into the JSON array of the batch being filled, and hands the batch to the queue when it
/// reaches the event or byte limit or when the flush timer finds it old. One per source worker. Callers hold
/// <see cref="Gate"/> while writing (the flush timer takes it too).
/// </summary>
internal sealed class BatchBuilder : IBufferWriter<byte>, IEventBuffer, IDisposable
{
    private const int InitialCapacity = 64 * 1024;
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly IBatchTarget _target;
    private readonly TimeProvider _clock;
    private readonly int _maxEvents, _maxBytes, _maxEventBytes;
    private byte[]? _buffer;
    private int[] _ends;
    private int _length, _count, _eventStart, _contentStart, _lastBatchLength;
    private long _firstEventAt;
    private bool _inEvent, _writerStale;
    private readonly Utf8JsonWriter _writer;

    public BatchBuilder(BatchingOptions options, IBatchTarget target, TimeProvider? clock = null)
    {
        _target = target;
        _clock = clock ?? TimeProvider.System;
        _maxEvents = options.MaxEvents;
        _maxBytes = options.MaxBytes;
        _maxEventBytes = options.MaxEventBytes;
        _ends = new int[_maxEvents];
        _writer = new Utf8JsonWriter(this, WriterOptions);
    }

    public object Gate { get; } = new();

    /// <summary>
    /// The writer for the event between <see cref="BeginEvent"/> and <see cref="EndEvent"/>. It is reset when an
    /// event first uses it: events written whole into the buffer (NetFlow flows) never pay for its reset and flush.
    /// </summary>
    public Utf8JsonWriter Writer
    {
        get
        {
            if (_writerStale)
            {
                _writer.Reset(this);
                _writerStale = false;
            }
            return _writer;
        }
    }

    public IBufferWriter<byte> Output => this;

    public int MaxEventBytes => _maxEventBytes;

    /// <summary>Batches handed to the queue so far: the queue's room only shrinks when this moves.</summary>
    public long BatchesSealed { get; private set; }

    /// <summary>Starts an event; write one JSON object on <see cref="Writer"/>, then call <see cref="EndEvent"/>.</summary>
    public void BeginEvent()
    {
        if (_count == _maxEvents) Seal();
        if (_buffer is null) StartBatch();
        _eventStart = _length;
        if (_count > 0)
        {
            Ensure(1);
            _buffer![_length++] = (byte)',';
        }
        _contentStart = _length;
        _inEvent = true;
        _writerStale = true;
    }

    /// <summary>
    /// Ends the event. False when it is larger than the per-event limit: it has been taken back, and the caller writes
    /// it again smaller. <paramref name="size"/> is its size in bytes either way.
    /// </summary>
    public bool EndEvent(out int size)
    {
        if (!_writerStale) _writer.Flush();
        _inEvent = false;
        size = _length - _contentStart;
        if (size > _maxEventBytes)
        {
            _length = _eventStart;
            return false;
        }
        if (_length + 1 > _maxBytes && _count > 0) MoveEventToNextBatch();
        _ends[_count++] = _length;
        if (_count == 1) _firstEventAt = _clock.GetTimestamp();
        return true;
    }

    /// <summary>Takes back the event being written, if any (after an error while writing it).</summary>
    public void CancelEvent()
    {
        if (!_inEvent) return;
        _inEvent = false;
        _writerStale = true;   // what it still buffers is dropped by the reset at its next use
        _length = _eventStart;
    }

    /// <summary>Hands the current batch to the queue if its first event is at least <paramref name="age"/> old.</summary>
    public void SealIfOlderThan(TimeSpan age)
    {
        if (_count > 0 && _clock.GetElapsedTime(_firstEventAt) >= age) Seal();
    }

    /// <summary>Hands the current batch (if it has events) to the queue.</summary>
    public void Seal()
    {
        if (_count == 0 || _buffer is null) return;
        _buffer[_length++] = (byte)']';
        _lastBatchLength = _length;
        var batch = new EventBatch(_buffer, _length, _ends, _count) { FirstEventAt = _firstEventAt };
        _buffer = null;
        _ends = new int[_maxEvents];
        _count = 0;
        _length = 0;
        BatchesSealed++;
        _target.Accept(batch);
    }

    private void StartBatch()
    {
        // As large as the last batch: a busy source's batches are alike, and growing by doubling copies each one twice.
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(InitialCapacity, Math.Min(_lastBatchLength + _lastBatchLength / 8, _maxBytes + 1)));
        _buffer[0] = (byte)'[';
        _length = 1;
        _count = 0;
    }

    private void MoveEventToNextBatch()
    {
        var size = _length - _contentStart;
        var moved = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            _buffer.AsSpan(_contentStart, size).CopyTo(moved);
            _length = _eventStart;
            Seal();
            StartBatch();
            _contentStart = _eventStart = _length;
            moved.AsSpan(0, size).CopyTo(GetSpan(size));
            Advance(size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(moved);
        }
    }

    public void Advance(int count) => _length += count;

    // The last byte of the buffer is never handed out: it is kept for the closing ']'.
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_length, _buffer!.Length - _length - 1);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_length, _buffer!.Length - _length - 1);
    }

    private void Ensure(int sizeHint)
    {
        var needed = _length + Math.Max(sizeHint, 256) + 1;
        if (_buffer!.Length >= needed) return;
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    public void Dispose()
    {
        _writer.Dispose();
        if (_buffer is not null) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
    }
}
