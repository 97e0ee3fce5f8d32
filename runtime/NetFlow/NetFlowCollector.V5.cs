using System.Buffers.Binary;
using System.Net;
using GrokFlow.Language.NetFlow;
using GrokFlow.Engine.NetFlow;

namespace GrokFlow.Runtime.NetFlow;

public sealed partial class NetFlowCollector
{
    /// <summary>v5: a 24-byte header and <c>count</c> 48-byte records, written by the layout's generated fixed-offset writer.</summary>
    private void DecodeV5(ReadOnlySpan<byte> datagram, IPEndPoint exporter, IFlowEventSink sink)
    {
        if (datagram.Length < NetFlowLayout.V5HeaderLength)
        {
            _counters.Drop(NetFlowDropReason.TruncatedHeader);
            return;
        }
        var count = BinaryPrimitives.ReadUInt16BigEndian(datagram.Slice(2));
        if (count == 0 || NetFlowLayout.V5HeaderLength + count * NetFlowLayout.V5RecordLength > datagram.Length)
        {
            _counters.Drop(NetFlowDropReason.BadCount);
            return;
        }
        var header = datagram.Slice(0, NetFlowLayout.V5HeaderLength);
        var key = new StreamKey(ExporterState.KeyOf(exporter.Address), 0, 5, (uint)(header[20] << 8 | header[21]));
        var stream = StreamFor(exporter, key);
        if (stream is null) return;
        var sequence = BinaryPrimitives.ReadUInt32BigEndian(header.Slice(16));
        CheckSequence(stream, sequence, unchecked(sequence + count));
        var exportMilliseconds = BinaryPrimitives.ReadUInt32BigEndian(header.Slice(8)) * 1000L
            + BinaryPrimitives.ReadUInt32BigEndian(header.Slice(12)) / 1_000_000;
        var times = new FlowTimes(_options.SwitchedTimesFromUptime ? UptimeMode.Raw : UptimeMode.FromHeader,
            exportMilliseconds, BinaryPrimitives.ReadUInt32BigEndian(header.Slice(4)), 0);
        for (var i = 0; i < count; i++)
        {
            _writer.Reset();
            var record = datagram.Slice(NetFlowLayout.V5HeaderLength + i * NetFlowLayout.V5RecordLength, NetFlowLayout.V5RecordLength);
            _layout.WriteV5Event(_writer, header, record, times);
            if (!_options.FluentStrict) WriteV5Enrichment(stream, header, record, key);
            Emit(stream.Exporter, sink);
            _counters.Flows++;
        }
    }
}
