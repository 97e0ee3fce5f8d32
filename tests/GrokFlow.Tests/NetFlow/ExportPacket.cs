using System.Buffers.Binary;
using System.Net;
using System.Text.Json.Nodes;
using GrokFlow.Runtime.NetFlow;

namespace GrokFlow.Tests.NetFlow;

/// <summary>Builds v9 and IPFIX export messages byte by byte for tests.</summary>
internal sealed class ExportPacket
{
    private readonly List<byte> _bytes = new();
    private readonly int _version;

    private ExportPacket(int version) => _version = version;

    public static ExportPacket V9(uint sequence = 1, uint sourceId = 0, uint sysUpTime = 10_000, uint unixSeconds = 1_700_000_000)
    {
        var p = new ExportPacket(9);
        p.U16(9).U16(0).U32(sysUpTime).U32(unixSeconds).U32(sequence).U32(sourceId);
        return p;
    }

    public static ExportPacket Ipfix(uint sequence = 0, uint domain = 0, uint exportTime = 1_700_000_000)
    {
        var p = new ExportPacket(10);
        p.U16(10).U16(0).U32(exportTime).U32(sequence).U32(domain);
        return p;
    }

    public ExportPacket U8(int v) { _bytes.Add((byte)v); return this; }

    public ExportPacket U16(int v) { _bytes.Add((byte)(v >> 8)); _bytes.Add((byte)v); return this; }

    public ExportPacket U32(uint v) { U16((int)(v >> 16)); return U16((int)(v & 0xFFFF)); }

    public ExportPacket Bytes(params byte[] b) { _bytes.AddRange(b); return this; }

    /// <summary>A set with this ID whose body the action writes; its length is filled in.</summary>
    public ExportPacket Set(int id, Action<ExportPacket> body)
    {
        var start = _bytes.Count;
        U16(id).U16(0);
        body(this);
        var length = _bytes.Count - start;
        _bytes[start + 2] = (byte)(length >> 8);
        _bytes[start + 3] = (byte)length;
        return this;
    }

    /// <summary>A template record: ID, field count, then (type, length) pairs.</summary>
    public ExportPacket Template(int id, params (int Type, int Length)[] fields)
    {
        U16(id).U16(fields.Length);
        foreach (var (type, length) in fields) U16(type).U16(length);
        return this;
    }

    public byte[] ToArray()
    {
        var bytes = _bytes.ToArray();
        if (_version == 10) BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)bytes.Length);
        return bytes;
    }
}

/// <summary>A collector under test with the events it wrote.</summary>
internal sealed class CollectorHarness(NetFlowCollectorOptions? options = null) : IDisposable
{
    public static readonly IPEndPoint Exporter = new(IPAddress.Parse("192.0.2.7"), 2055);

    public NetFlowCollector Collector { get; } = new(options);

    public ConformanceCaptures.CollectingSink Sink { get; } = new();

    public DateTimeOffset Now { get; set; } = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    public List<JsonObject> Events => Sink.Events;

    public NetFlowCounterSnapshot Counters => Collector.Counters;

    public void Decode(byte[] datagram, IPEndPoint? exporter = null) => Collector.Decode(datagram, exporter ?? Exporter, Now, Sink);

    public long Dropped(NetFlowDropReason reason) => Counters.Drops[reason];

    public void Dispose() => Collector.Dispose();
}
