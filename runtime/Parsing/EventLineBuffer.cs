using System.Buffers;

namespace GrokFlow.Runtime.Parsing;

/// <summary>
/// Event lines in one growable array: the event being written goes straight after the lines already ended, so ending
/// it copies nothing, and taking it back forgets its bytes. <see cref="WrittenMemory"/> holds the ended lines only.
/// </summary>
public sealed class EventLineBuffer(int initialCapacity = 1 << 16) : IBufferWriter<byte>
{
    private byte[] _buffer = new byte[Math.Max(initialCapacity, 256)];
    private int _ended;
    private int _written;

    /// <summary>The ended lines.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _ended);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _ended);

    public int WrittenCount => _ended;

    /// <summary>Bytes of the event being written.</summary>
    public int PendingCount => _written - _ended;

    /// <summary>Ends the event being written with a newline.</summary>
    public void EndLine()
    {
        GetSpan(1)[0] = (byte)'\n';
        _written++;
        _ended = _written;
    }

    /// <summary>Forgets the event being written.</summary>
    public void TakeBack() => _written = _ended;

    /// <summary>Forgets everything.</summary>
    public void Clear() => _written = _ended = 0;

    public void Advance(int count)
    {
        if (count < 0 || _written + count > _buffer.Length) throw new ArgumentOutOfRangeException(nameof(count));
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed) return;
        var grown = new byte[Math.Max(_written + needed, _buffer.Length * 2)];
        _buffer.AsSpan(0, _written).CopyTo(grown);
        _buffer = grown;
    }
}
