using System.Buffers;

namespace GrokFlow.Runtime.NetFlow;

/// <summary>
/// Data sets that arrived before their template (RFC 3954 §9 SHOULD), held for a bounded time and size. They are
/// decoded when the template arrives, or dropped as <see cref="NetFlowDropReason.NoTemplate"/>.
/// </summary>
internal sealed class PendingDataBuffer(TimeSpan maxAge, int maxBytes)
{
    internal sealed record Entry(MessageContext Message, ushort TemplateId, byte[] Data, int Length, DateTimeOffset ReceivedAt);

    private readonly List<Entry> _entries = new();
    private int _bytes;

    public int Count => _entries.Count;

    /// <summary>Holds a copy of the set; returns how many held sets were pushed out to make room (dropped).</summary>
    public bool TryHold(in MessageContext message, ushort templateId, ReadOnlySpan<byte> set, DateTimeOffset receivedAt, out int evicted)
    {
        evicted = 0;
        if (maxAge <= TimeSpan.Zero || set.Length > maxBytes) return false;
        while (_bytes + set.Length > maxBytes && _entries.Count > 0)
        {
            Release(0);
            evicted++;
        }
        var data = ArrayPool<byte>.Shared.Rent(Math.Max(1, set.Length));
        set.CopyTo(data);
        _entries.Add(new Entry(message, templateId, data, set.Length, receivedAt));
        _bytes += set.Length;
        return true;
    }

    /// <summary>Drops sets held longer than the maximum age; returns how many.</summary>
    public int Expire(DateTimeOffset now)
    {
        var expired = 0;
        while (_entries.Count > 0 && now - _entries[0].ReceivedAt > maxAge)
        {
            Release(0);
            expired++;
        }
        return expired;
    }

    /// <summary>Hands each held set of this stream and template to <paramref name="decode"/> in arrival order, then forgets it.</summary>
    public void Release(StreamKey stream, ushort templateId, Action<Entry> decode)
    {
        for (var i = 0; i < _entries.Count;)
        {
            var entry = _entries[i];
            if (entry.TemplateId == templateId && entry.Message.Stream == stream)
            {
                _entries.RemoveAt(i);
                _bytes -= entry.Length;
                decode(entry);
                ArrayPool<byte>.Shared.Return(entry.Data);
            }
            else i++;
        }
    }

    private void Release(int index)
    {
        var entry = _entries[index];
        _entries.RemoveAt(index);
        _bytes -= entry.Length;
        ArrayPool<byte>.Shared.Return(entry.Data);
    }
}
