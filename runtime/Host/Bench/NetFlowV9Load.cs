using System.Buffers.Binary;

namespace GrokFlow.Runtime.Host.Bench;

/// <summary>
/// NetFlow v9 export datagrams for the load command: each carries the template (so any datagram can be decoded
/// first) and a data flowset of <see cref="FlowsPerDatagram"/> IPv4 flows.
/// </summary>
internal sealed class NetFlowV9Load : BenchLoad
{
    public const int FlowsPerDatagram = 30;

    private readonly List<byte[]> _templates;
    private readonly int _dataStart, _recordLength;

    public NetFlowV9Load(int count)
    {
        _templates = Datagrams(count);
        _recordLength = Fields.Sum(f => f.Length);
        _dataStart = 20 + 4 + 4 + Fields.Length * 4 + 4;
    }

    public override string Unit => "flows";
    public override int EventsPerDatagram => FlowsPerDatagram;
    public override int TemplateCount => _templates.Count;
    protected override byte[] Template(int index) => _templates[index];
    public override ReadOnlySpan<byte> SequenceKey => "\"in_bytes\":"u8;
    public override byte DigitsAfter => 0;

    // The sequence number is each flow's byte count (field 1, the first four bytes of the record after the addresses
    // and ports); the exporter's own datagram counter goes into the header, so gap counting sees a clean stream.
    public override void Stamp(Span<byte> datagram, long firstSequence, uint datagramSequence)
    {
        BinaryPrimitives.WriteUInt32BigEndian(datagram[12..], datagramSequence);
        for (var f = 0; f < FlowsPerDatagram; f++)
            BinaryPrimitives.WriteUInt32BigEndian(datagram[(_dataStart + f * _recordLength + BytesOffset)..], (uint)(firstSequence + f));
    }

    public override string? Check(System.Text.Json.JsonElement e, long sequence)
    {
        var template = TemplateFor(sequence - sequence % FlowsPerDatagram);
        var record = template.AsSpan(_dataStart + (int)(sequence % FlowsPerDatagram) * _recordLength);
        var srcPort = BinaryPrimitives.ReadUInt16BigEndian(record[8..]);
        var dstPort = BinaryPrimitives.ReadUInt16BigEndian(record[10..]);
        var packets = BinaryPrimitives.ReadUInt32BigEndian(record[17..]);
        if (!e.TryGetProperty("ddsource", out var source) || source.GetString() != "netflow") return $"ddsource of {sequence} is not netflow";
        var flow = e.TryGetProperty("netflow", out var nested) ? nested : e;
        if (flow.GetProperty("in_bytes").GetInt64() != sequence) return $"in_bytes of {sequence} differs";
        if (flow.GetProperty("l4_src_port").GetInt32() != srcPort || flow.GetProperty("l4_dst_port").GetInt32() != dstPort)
            return $"ports of flow {sequence} differ: {flow}";
        if (flow.GetProperty("in_pkts").GetInt64() != packets) return $"in_pkts of flow {sequence} differ";
        return null;
    }

    private const int BytesOffset = 4 + 4 + 2 + 2 + 1;   // after src/dst addr, ports, protocol

    // (field type, length): src/dst addr, ports, protocol, bytes, packets, first/last switched, tcp flags, in/out if, tos
    private static readonly (ushort Type, ushort Length)[] Fields =
        [(8, 4), (12, 4), (7, 2), (11, 2), (4, 1), (1, 4), (2, 4), (22, 4), (21, 4), (6, 1), (10, 2), (14, 2), (5, 1)];

    private const ushort TemplateId = 256;

    private static List<byte[]> Datagrams(int count)
    {
        var random = new Random(9);
        var recordLength = Fields.Sum(f => f.Length);
        var templateSet = 4 + 4 + Fields.Length * 4;
        var dataSet = 4 + FlowsPerDatagram * recordLength;
        var padding = (4 - dataSet % 4) % 4;
        var datagrams = new List<byte[]>(count);
        for (var d = 0; d < count; d++)
        {
            var packet = new byte[20 + templateSet + dataSet + padding];
            var span = packet.AsSpan();
            BinaryPrimitives.WriteUInt16BigEndian(span, 9);
            BinaryPrimitives.WriteUInt16BigEndian(span[2..], (ushort)(FlowsPerDatagram + 1));
            BinaryPrimitives.WriteUInt32BigEndian(span[4..], 3_600_000);
            BinaryPrimitives.WriteUInt32BigEndian(span[8..], 1_700_000_000);
            BinaryPrimitives.WriteUInt32BigEndian(span[12..], (uint)d);
            BinaryPrimitives.WriteUInt32BigEndian(span[16..], 1);
            var at = 20;
            BinaryPrimitives.WriteUInt16BigEndian(span[at..], 0);
            BinaryPrimitives.WriteUInt16BigEndian(span[(at + 2)..], (ushort)templateSet);
            BinaryPrimitives.WriteUInt16BigEndian(span[(at + 4)..], TemplateId);
            BinaryPrimitives.WriteUInt16BigEndian(span[(at + 6)..], (ushort)Fields.Length);
            at += 8;
            foreach (var (type, length) in Fields)
            {
                BinaryPrimitives.WriteUInt16BigEndian(span[at..], type);
                BinaryPrimitives.WriteUInt16BigEndian(span[(at + 2)..], length);
                at += 4;
            }
            BinaryPrimitives.WriteUInt16BigEndian(span[at..], TemplateId);
            BinaryPrimitives.WriteUInt16BigEndian(span[(at + 2)..], (ushort)(dataSet + padding));
            at += 4;
            for (var f = 0; f < FlowsPerDatagram; f++)
            {
                foreach (var (_, length) in Fields)
                {
                    var value = (uint)random.Next();
                    for (var b = length - 1; b >= 0; b--, value >>= 8) span[at + b] = (byte)value;
                    at += length;
                }
            }
            datagrams.Add(packet);
        }
        return datagrams;
    }
}
