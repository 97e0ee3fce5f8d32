namespace GrokFlow.Runtime.NetFlow.Aggregation;

internal enum FlowFieldKind : byte { Key, Counter, Start, End, Flags, Exporter, RecordType }

internal readonly record struct FlowFieldRole(FlowFieldKind Kind, int Index);

/// <summary>
/// Which event fields aggregation reads, and how: the key fields (a logical name maps to the event names the layout
/// gives it, for v5, v9 and IPFIX alike), the counters it sums, the times it keeps the extremes of, the flags it ORs.
/// </summary>
internal sealed class FlowFieldMap
{
    public static readonly string[] Counters =
        ["in_bytes", "in_pkts", "out_bytes", "out_pkts", "flows", "reverseOctetDeltaCount", "reversePacketDeltaCount", "adjusted_bytes", "adjusted_packets"];

    public static readonly string[] Starts = ["first_switched", "flowStartSeconds", "flowStartMilliseconds", "flowStartMicroseconds", "flowStartNanoseconds"];

    public static readonly string[] Ends = ["last_switched", "flowEndSeconds", "flowEndMilliseconds", "flowEndMicroseconds", "flowEndNanoseconds"];

    public static readonly string[] Flags = ["tcp_flags", "reverseTcpControlBits"];

    private static readonly Dictionary<string, string[]> Logical = new()
    {
        ["exporter"] = ["host"],
        ["src_addr"] = ["ipv4_src_addr", "ipv6_src_addr"],
        ["dst_addr"] = ["ipv4_dst_addr", "ipv6_dst_addr"],
        ["src_port"] = ["l4_src_port"],
        ["dst_port"] = ["l4_dst_port"],
        ["protocol"] = ["protocol"],
        ["tos"] = ["src_tos"],
        ["in_if"] = ["input_snmp"],
        ["out_if"] = ["output_snmp"],
        ["direction"] = ["direction"],
        ["ip_version"] = ["ip_protocol_version"],
    };

    private readonly Dictionary<byte[], FlowFieldRole> _roles = new(ByteKeyComparer.Instance);
    private readonly Dictionary<byte[], FlowFieldRole>.AlternateLookup<ReadOnlySpan<byte>> _lookup;

    public FlowFieldMap(IReadOnlyList<string> key)
    {
        KeyCount = key.Count;
        for (var i = 0; i < key.Count; i++)
        {
            foreach (var name in Logical.TryGetValue(key[i], out var names) ? names : [key[i]])
                _roles[System.Text.Encoding.UTF8.GetBytes(name)] = new FlowFieldRole(FlowFieldKind.Key, i);
            if (key[i] == "src_port") SourcePortIndex = i;
            if (key[i] == "dst_port") DestinationPortIndex = i;
        }
        Add(Counters, FlowFieldKind.Counter);
        Add(Starts, FlowFieldKind.Start);
        Add(Ends, FlowFieldKind.End);
        Add(Flags, FlowFieldKind.Flags);
        _roles.TryAdd("host"u8.ToArray(), new FlowFieldRole(FlowFieldKind.Exporter, 0));
        _roles["record_type"u8.ToArray()] = new FlowFieldRole(FlowFieldKind.RecordType, 0);
        _lookup = _roles.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    public int KeyCount { get; }

    /// <summary>The key position of the source / destination port (-1 when the key has none: no port rollup).</summary>
    public int SourcePortIndex { get; } = -1;

    public int DestinationPortIndex { get; } = -1;

    public bool TryGetRole(ReadOnlySpan<byte> name, out FlowFieldRole role) => _lookup.TryGetValue(name, out role);

    private void Add(string[] names, FlowFieldKind kind)
    {
        for (var i = 0; i < names.Length; i++)
            _roles.TryAdd(System.Text.Encoding.UTF8.GetBytes(names[i]), new FlowFieldRole(kind, i));
    }
}
