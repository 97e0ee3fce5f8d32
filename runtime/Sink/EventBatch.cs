using System.Buffers;
using System.Text.Json;

namespace GrokFlow.Runtime.Sink;

/// <summary>
/// One intake request's worth of events: a JSON array in a pooled buffer, with where each event ends so a batch can be
/// split (413) or written as JSON lines. Owned by one party at a time; <see cref="Release"/> returns the buffers.
/// </summary>
internal sealed class EventBatch
{
    private readonly object _gate = new();
    private byte[]? _buffer;        // the JSON array; a batch read back from the spool inflates it only when asked
    private int[]? _eventEnds;
    private bool _released, _persisted;
    private PooledBufferStream? _compressed;

    public EventBatch(byte[] pooledBuffer, int length, int[] eventEnds, int count)
    {
        _buffer = pooledBuffer;
        Length = length;
        _eventEnds = eventEnds;
        Count = count;
    }

    private EventBatch(PooledBufferStream compressed, int count)
    {
        _compressed = compressed;
        Count = count;
        Length = GzipCodec.UncompressedLength(compressed);
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

    /// <summary>
    /// The gzip body, made once by <paramref name="gzip"/> and shared by the spool copy and the intake request (so a
    /// batch persisted while it waits is not compressed twice). Valid until <see cref="Release"/>.
    /// </summary>
    public PooledBufferStream Compressed(GzipCompressor gzip)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_released, this);
            return _compressed ??= gzip.Compress(Json);
        }
    }

    public int Count { get; }

    /// <summary>Bytes of the JSON array (for a spooled batch, as its gzip trailer records them).</summary>
    public int Length { get; }

    /// <summary>Memory this batch holds (what the queue's bound counts).</summary>
    public int Capacity => _buffer?.Length ?? 0;

    /// <summary>The JSON array. A spooled batch is inflated here; a damaged file throws <see cref="InvalidDataException"/>.</summary>
    public ReadOnlySpan<byte> Json => Inflated().AsSpan(0, Length);

    public ReadOnlySpan<byte> Event(int index)
    {
        var buffer = Inflated();
        var start = index == 0 ? 1 : _eventEnds![index - 1] + 1;
        return buffer.AsSpan(start, _eventEnds![index] - start);
    }

    private byte[] Inflated()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_released, this);
            if (_buffer is null) Inflate();
            return _buffer!;
        }
    }

    private void Inflate()
    {
        var compressed = _compressed!;
        var buffer = GzipCodec.Decompress(new MemoryStream(compressed.Buffer, 0, (int)compressed.Length, writable: false), out var length);
        var ends = length == Length ? IndexEvents(buffer.AsSpan(0, length)) : null;
        if (ends is null || ends.Length != Count)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new InvalidDataException($"spooled batch {Sequence}: the file does not hold the {Count} events its name records");
        }
        _buffer = buffer;
        _eventEnds = ends;
    }

    /// <summary>Two batches with the first and second half of the events (for a 413 answer). This batch stays valid.</summary>
    public (EventBatch First, EventBatch Second) Split()
    {
        if (Count < 2) throw new InvalidOperationException("a batch of one event cannot be split");
        var half = Count / 2;
        return (Slice(0, half), Slice(half, Count - half));
    }

    private EventBatch Slice(int first, int count)
    {
        var source = Inflated();
        var start = first == 0 ? 1 : _eventEnds![first - 1] + 1;
        var end = _eventEnds![first + count - 1];
        var length = end - start + 2;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        buffer[0] = (byte)'[';
        source.AsSpan(start, end - start).CopyTo(buffer.AsSpan(1));
        buffer[length - 1] = (byte)']';
        var ends = new int[count];
        for (var i = 0; i < count; i++) ends[i] = _eventEnds[first + i] - start + 1;
        return new EventBatch(buffer, length, ends, count) { Sequence = Sequence, FromSpool = false };
    }

    /// <summary>
    /// A batch read back from a spool file whose name records its event count: the gzip body (owned by the batch from
    /// then on) is sent as it was read, and inflated only if the events themselves are needed (a 413 split, local
    /// output, the log line of a rejected batch).
    /// </summary>
    public static EventBatch FromSpoolFile(PooledBufferStream compressed, long sequence, int count) =>
        new(compressed, count) { Sequence = sequence, FromSpool = true };

    /// <summary>
    /// Reads a JSON array (from the spool) back into a batch whose gzip body is <paramref name="compressed"/> (owned by
    /// the batch from then on); null when the bytes are not a JSON array of objects.
    /// </summary>
    public static EventBatch? FromJsonArray(byte[] pooledBuffer, int length, long sequence, PooledBufferStream compressed)
    {
        var ends = IndexEvents(pooledBuffer.AsSpan(0, length));
        return ends is null ? null : new EventBatch(pooledBuffer, length, ends, ends.Length) { Sequence = sequence, FromSpool = true, _compressed = compressed };
    }

    // Where each element of a JSON array ends; null when the bytes are not one complete JSON array.
    private static int[]? IndexEvents(ReadOnlySpan<byte> json)
    {
        var ends = new List<int>();
        try
        {
            var reader = new Utf8JsonReader(json);
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
        return [.. ends];
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
            if (_released) return false;
            return _persisted = write(this);
        }
    }

    public void Release()
    {
        byte[]? buffer;
        PooledBufferStream? compressed;
        lock (_gate)
        {
            _released = true;
            buffer = _buffer;
            _buffer = null;
            compressed = _compressed;
            _compressed = null;
        }
        if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        compressed?.Dispose();
    }
}
