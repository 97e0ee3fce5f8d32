using System.Buffers.Binary;

namespace GrokFlow.Runtime.Host.Bench;

/// <summary>
/// NetFlow v9 export datagrams for the load command: each carries the template (so any datagram can be decoded
/// first) and a data flowset of <see cref="FlowsPerDatagram"/> IPv4 flows.
/// </summary>
internal static class NetFlowV9Load
{
    public const int FlowsPerDatagram = 30;

    // (field type, length): src/dst addr, ports, protocol, bytes, packets, first/last switched, tcp flags, in/out if, tos
    private static readonly (ushort Type, ushort Length)[] Fields =
        [(8, 4), (12, 4), (7, 2), (11, 2), (4, 1), (1, 4), (2, 4), (22, 4), (21, 4), (6, 1), (10, 2), (14, 2), (5, 1)];

    private const ushort TemplateId = 256;

    public static IReadOnlyList<byte[]> Datagrams(int count)
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
