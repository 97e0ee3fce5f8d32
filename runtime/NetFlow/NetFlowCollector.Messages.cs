using System.Buffers.Binary;
using System.Net;

namespace GrokFlow.Runtime.NetFlow;

public sealed partial class NetFlowCollector
{
    private const int V9HeaderLength = 20;
    private const int IpfixHeaderLength = 16;

    /// <summary>v9 (RFC 3954): a 20-byte header, then FlowSets walked by their lengths (the header count is not trusted).</summary>
    private void DecodeV9(ReadOnlySpan<byte> datagram, IPEndPoint exporter, DateTimeOffset receivedAt, IFlowEventSink sink)
    {
        if (datagram.Length < V9HeaderLength)
        {
            _counters.Drop(NetFlowDropReason.TruncatedHeader);
            return;
        }
        var sequence = BinaryPrimitives.ReadUInt32BigEndian(datagram.Slice(12));
        var key = new StreamKey(ExporterState.KeyOf(exporter.Address), 0, 9, BinaryPrimitives.ReadUInt32BigEndian(datagram.Slice(16)));
        var stream = StreamFor(exporter, key);
        if (stream is null) return;
        CheckSequence(stream, sequence, unchecked(sequence + 1));
        var message = new MessageContext(9, sequence, BinaryPrimitives.ReadUInt32BigEndian(datagram.Slice(8)) * 1000L,
            BinaryPrimitives.ReadUInt32BigEndian(datagram.Slice(4)), key);
        WalkSets(datagram.Slice(V9HeaderLength), stream, message, receivedAt, sink);
    }

    /// <summary>IPFIX (RFC 7011): a 16-byte header whose length bounds the message, then Sets walked by their lengths.</summary>
    private void DecodeIpfix(ReadOnlySpan<byte> datagram, IPEndPoint exporter, DateTimeOffset receivedAt, IFlowEventSink sink)
    {
        if (datagram.Length < IpfixHeaderLength)
        {
            _counters.Drop(NetFlowDropReason.TruncatedHeader);
            return;
        }
        var length = BinaryPrimitives.ReadUInt16BigEndian(datagram.Slice(2));
        if (length < IpfixHeaderLength || length > datagram.Length)
        {
            _counters.Drop(NetFlowDropReason.BadMessageLength);
            return;
        }
        var sequence = BinaryPrimitives.ReadUInt32BigEndian(datagram.Slice(8));
        var key = new StreamKey(ExporterState.KeyOf(exporter.Address), (ushort)exporter.Port, 10, BinaryPrimitives.ReadUInt32BigEndian(datagram.Slice(12)));
        var stream = StreamFor(exporter, key);
        if (stream is null) return;
        var message = new MessageContext(10, sequence, BinaryPrimitives.ReadUInt32BigEndian(datagram.Slice(4)) * 1000L, 0, key);
        var hadSequence = stream.HasSequence;
        var expected = stream.NextSequence;
        var records = WalkSets(datagram.Slice(IpfixHeaderLength, length - IpfixHeaderLength), stream, message, receivedAt, sink);
        // The sequence counts data records sent before this message, so the next one is known only after the walk.
        if (hadSequence && expected != sequence) _counters.SequenceGaps++;
        stream.HasSequence = true;
        stream.NextSequence = unchecked(sequence + (uint)records);
    }

    /// <summary>Walks the sets of a message body; returns the data and options records decoded.</summary>
    private int WalkSets(ReadOnlySpan<byte> body, StreamState stream, in MessageContext message, DateTimeOffset receivedAt, IFlowEventSink sink)
    {
        var ipfix = message.Version == 10;
        var records = 0;
        var pos = 0;
        while (body.Length - pos >= 4)
        {
            var setId = BinaryPrimitives.ReadUInt16BigEndian(body.Slice(pos));
            var setLength = BinaryPrimitives.ReadUInt16BigEndian(body.Slice(pos + 2));
            if (setLength < 4 || setLength > body.Length - pos)
            {
                _counters.Drop(NetFlowDropReason.BadSetLength);
                break;
            }
            var set = body.Slice(pos + 4, setLength - 4);
            pos += setLength;
            if (setId >= 256)
            {
                records += DecodeDataSet(stream, setId, set, message, receivedAt, sink);
                continue;
            }
            switch (ipfix ? setId - 2 : setId)
            {
                case 0: ReadTemplateSet(stream, set, ipfix, options: false, message, receivedAt, sink); break;
                case 1: ReadTemplateSet(stream, set, ipfix, options: true, message, receivedAt, sink); break;
                default: _counters.Drop(NetFlowDropReason.ReservedSetId); break;
            }
        }
        return records;
    }
}
