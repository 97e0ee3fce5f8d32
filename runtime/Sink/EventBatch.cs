using System.Buffers;
using System.Text.Json;

namespace GrokFlow.Runtime.Sink;

/// <summary>
/// One intake request's worth of events: a JSON array in a pooled buffer, with where each event ends so a batch can be
/// split (413) or written as JSON lines. Owned by one party at a time; <see cref="Release"/> returns the buffer.
/// </summary>
internal sealed class EventBatch
{
    private readonly object _gate = new();
    private byte[]? _buffer;
    private readonly int[] _eventEnds;

    public EventBatch(byte[] pooledBuffer, int length, int[] eventEnds, int count)
    {
        _buffer = pooledBuffer;
        Length = length;
        _eventEnds = eventEnds;
        Count = count;
    }

    /// <summary>Position in the delivery order; also the spool file name.</summary>
    public long Sequence { get; set; }

    /// <summary>True when this batch was read back from a spool file (which stays until delivery).</summary>
    public bool FromSpool { get; init; }

    /// <summary>When its first event was written (<see cref="TimeProvider.GetTimestamp"/>): how long it has been in memory.</summary>
    public long FirstEventAt { get; init; }

    /// <summary>
    /// True once a copy is in the spool while the batch itself stays in memory for sending (crash safety); the file
    /// is deleted when the batch is delivered.
    /// </summary>
    public bool Persisted { get { lock (_gate) return _persisted; } }

    private bool _persisted;
    private PooledBufferStream? _compressed;

    /// <summary>
    /// The gzip body at <paramref name="level"/>, made once and shared by the spool copy and the intake request (so a
    /// batch persisted while it waits is not compressed twice). Valid until <see cref="Release"/>.
    /// </summary>
    public PooledBufferStream Compressed(int level)
    {
        lock (_gate)
        {
            if (_buffer is null) throw new ObjectDisposedException(nameof(EventBatch));
            return _compressed ??= GzipCodec.Compress(Json, level);
        }
    }

    public int Count { get; }
    public int Length { get; }

    /// <summary>Memory this batch holds (what the queue's bound counts).</summary>
    public int Capacity => _buffer?.Length ?? 0;

    public ReadOnlySpan<byte> Json => Buffer.AsSpan(0, Length);
    public ArraySegment<byte> JsonSegment => new(Buffer, 0, Length);

    public ReadOnlySpan<byte> Event(int index)
    {
        var start = index == 0 ? 1 : _eventEnds[index - 1] + 1;
        return Buffer.AsSpan(start, _eventEnds[index] - start);
    }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(EventBatch));

    /// <summary>Two batches with the first and second half of the events (for a 413 answer). This batch stays valid.</summary>
    public (EventBatch First, EventBatch Second) Split()
    {
        if (Count < 2) throw new InvalidOperationException("a batch of one event cannot be split");
        var half = Count / 2;
        return (Slice(0, half), Slice(half, Count - half));
    }

    private EventBatch Slice(int first, int count)
    {
        var start = first == 0 ? 1 : _eventEnds[first - 1] + 1;
        var end = _eventEnds[first + count - 1];
        var length = end - start + 2;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        buffer[0] = (byte)'[';
        Buffer.AsSpan(start, end - start).CopyTo(buffer.AsSpan(1));
        buffer[length - 1] = (byte)']';
        var ends = new int[count];
        for (var i = 0; i < count; i++) ends[i] = _eventEnds[first + i] - start + 1;
        return new EventBatch(buffer, length, ends, count) { Sequence = Sequence, FromSpool = false };
    }

    /// <summary>
    /// Reads a JSON array (from the spool) back into a batch whose gzip body is <paramref name="compressed"/> (owned by
    /// the batch from then on); null when the bytes are not a JSON array of objects.
    /// </summary>
    public static EventBatch? FromJsonArray(byte[] pooledBuffer, int length, long sequence, PooledBufferStream compressed)
    {
        var ends = new List<int>();
        try
        {
            var reader = new Utf8JsonReader(pooledBuffer.AsSpan(0, length));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                reader.Skip();
                ends.Add((int)reader.BytesConsumed);
            }
            if (reader.TokenType != JsonTokenType.EndArray || reader.Read()) return null;
        }
        catch (JsonException)
        {
            return null;
        }
        return new EventBatch(pooledBuffer, length, ends.ToArray(), ends.Count) { Sequence = sequence, FromSpool = true, _compressed = compressed };
    }

    /// <summary>
    /// Writes a copy with <paramref name="write"/> unless the batch is already persisted or released; the batch's lock
    /// is held meanwhile so it cannot be released under the writer. True when a copy exists afterwards.
    /// </summary>
    public bool Persist(Func<EventBatch, bool> write)
    {
        lock (_gate)
        {
            if (_persisted) return true;
            if (_buffer is null) return false;
            return _persisted = write(this);
        }
    }

    public void Release()
    {
        byte[]? buffer;
        PooledBufferStream? compressed;
        lock (_gate)
        {
            buffer = _buffer;
            _buffer = null;
            compressed = _compressed;
            _compressed = null;
        }
        if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        compressed?.Dispose();
    }
}
