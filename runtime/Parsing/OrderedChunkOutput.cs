namespace GrokFlow.Runtime.Parsing;

/// <summary>
/// The hand-over between <see cref="ChunkedParser"/>'s workers: chunks are read one at a time, in order, and at most
/// <c>inFlight</c> of them are read and not yet written (which bounds the memory); each chunk's events are written as
/// soon as every chunk before it has been, by whichever worker completes the run, so the output keeps input order.
/// Event buffers are reused.
/// </summary>
public sealed class OrderedChunkOutput(ChunkReader reader, Stream output, int inFlight)
{
    private readonly object _readTurn = new();
    private readonly object _gate = new();
    private readonly EventLineBuffer?[] _done = new EventLineBuffer?[inFlight];
    private readonly Stack<EventLineBuffer> _free = new();
    private long _nextToWrite;
    private long _read;
    private bool _aborted;

    /// <summary>
    /// Waits for room, then reads the next chunk and gives it an event buffer; false at the end of the input or after
    /// <see cref="Abort"/>.
    /// </summary>
    public bool TryTakeTurnToRead(out LineChunk chunk, out EventLineBuffer events)
    {
        chunk = default;
        events = null!;
        lock (_readTurn)
        {
            lock (_gate)
            {
                while (!_aborted && _read - _nextToWrite >= _done.Length) Monitor.Wait(_gate);
                if (_aborted) return false;
            }
            if (!reader.TryRead(out chunk)) return false;
            lock (_gate)
            {
                _read++;
                // An intake event is about three times its line (the message, the syslog fields and the attributes):
                // room for that up front, so the buffer is never grown by doubling and copying.
                events = _free.TryPop(out var reused) ? reused : new EventLineBuffer(chunk.Length * 4);
            }
            return true;
        }
    }

    /// <summary>Takes a chunk's events, and writes every chunk now next in order.</summary>
    public void Complete(long sequence, EventLineBuffer events)
    {
        lock (_gate)
        {
            _done[sequence % _done.Length] = events;
            while (!_aborted && _done[_nextToWrite % _done.Length] is { } next)
            {
                output.Write(next.WrittenSpan);
                _done[_nextToWrite % _done.Length] = null;
                next.Clear();
                _free.Push(next);
                _nextToWrite++;
            }
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Stops the run: waiting and later readers get nothing more.</summary>
    public void Abort()
    {
        lock (_gate)
        {
            _aborted = true;
            Monitor.PulseAll(_gate);
        }
    }
}
