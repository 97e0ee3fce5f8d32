using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace GrokFlow.Runtime.NetFlow;

/// <summary>
/// One export stream: exporter address, exporter port (IPFIX only: its transport session), version and source ID
/// or observation domain. Templates, sequence numbers and options state live per stream.
/// </summary>
internal readonly record struct StreamKey(UInt128 Address, ushort Port, ushort Version, uint Domain);

/// <summary>What is kept per exporter address: its <c>host</c> JSON tail and how many templates it holds.</summary>
internal sealed class ExporterState
{
    public ExporterState(IPAddress address, ulong? samplingOverride = null)
    {
        SamplingOverride = samplingOverride;
        var host = address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString() : address.ToString();
        HostTail = Encoding.UTF8.GetBytes(",\"host\":\"" + host + "\"}");
    }

    /// <summary><c>,"host":"ADDRESS"}</c>: the end of every event from this exporter.</summary>
    public byte[] HostTail { get; }

    public int TemplateCount { get; set; }

    /// <summary>The configured sampling interval of this exporter: it wins over what the exporter says.</summary>
    public ulong? SamplingOverride { get; }

    /// <summary>The address as 16 bytes (IPv4 as IPv4-mapped IPv6), without allocating.</summary>
    public static UInt128 KeyOf(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            bytes.Clear();
            bytes[10] = 0xff;
            bytes[11] = 0xff;
            address.TryWriteBytes(bytes.Slice(12), out _);
        }
        else
        {
            address.TryWriteBytes(bytes, out _);
        }
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }
}

/// <summary>The state of one export stream.</summary>
internal sealed class StreamState(ExporterState exporter)
{
    public ExporterState Exporter { get; } = exporter;

    public Dictionary<ushort, Template> Templates { get; } = new();

    public bool HasSequence;
    public uint NextSequence;

    /// <summary>IPFIX systemInitTimeMilliseconds (IE 160) from options data.</summary>
    public long? SystemInitMilliseconds;

    /// <summary>Sampling interval and algorithm from options data (IEs 34/35, 305/304, 50/49 without a sampler ID).</summary>
    public ulong? SamplingInterval;
    public ulong? SamplingAlgorithm;

    /// <summary>The last interface-name lookups of this stream, input and output.</summary>
    public InterfaceLookupCache InputNames { get; } = new();
    public InterfaceLookupCache OutputNames { get; } = new();

    /// <summary>IPFIX samplingPacketSpace (306) from options data, read with samplingPacketInterval (305).</summary>
    public ulong? SamplingPacketSpace;

    /// <summary>v9 sampler table: FLOW_SAMPLER_ID (48) to (mode, random interval), fluent's sampler options.</summary>
    public Dictionary<ulong, (ulong Mode, ulong Interval)> Samplers { get; } = new();
}
