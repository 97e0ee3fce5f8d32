using System.Buffers;

namespace GrokFlow.Runtime.Parsing;

/// <summary>One block of whole lines, numbered in input order; its buffer is pooled and goes back once parsed.</summary>
public readonly record struct LineChunk(byte[] Buffer, int Length, long Sequence);

/// <summary>
/// Cuts a stream into chunks of whole lines, about <c>chunkSize</c> bytes each: a chunk ends at its last line end, and
/// the part line after it starts the next chunk. A line longer than a chunk gets a chunk of its own, as long as it.
/// Not thread-safe: callers take turns.
/// </summary>
public sealed class ChunkReader(Stream input, int chunkSize)
{
    private byte[] _carry = [];
    private int _carryLength;
    private long _sequence;
    private bool _ended;

    /// <summary>The next chunk; false at the end of the input.</summary>
    public bool TryRead(out LineChunk chunk)
    {
        chunk = default;
        while (!_ended)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(chunkSize, _carryLength * 2));
            _carry.AsSpan(0, _carryLength).CopyTo(buffer);
            var filled = _carryLength;
            int read;
            while (filled < buffer.Length && (read = input.Read(buffer.AsSpan(filled))) > 0) filled += read;
            var full = filled == buffer.Length;
            var end = full ? buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1 : filled;
            ReturnCarry();
            if (end == 0 && full)
            {
                // One line longer than the buffer: keep reading with a larger one.
                _carry = buffer;
                _carryLength = filled;
                continue;
            }
            _carryLength = filled - end;
            _carry = _carryLength > 0 ? ArrayPool<byte>.Shared.Rent(_carryLength) : [];
            buffer.AsSpan(end, _carryLength).CopyTo(_carry);
            _ended = !full && _carryLength == 0;
            if (end == 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                continue;
            }
            chunk = new LineChunk(buffer, end, _sequence++);
            return true;
        }
        return false;
    }

    private void ReturnCarry()
    {
        if (_carry.Length > 0) ArrayPool<byte>.Shared.Return(_carry);
        _carry = [];
    }
}
