using System.Globalization;
using System.Text.Json.Nodes;
using GrokFlow.Runtime.NetFlow;

namespace GrokFlow.Tests.NetFlow;

/// <summary>
/// Every capture decodes to exactly the records of Wireshark's reading of it (tshark-ref): same records in the same
/// order, every field equal, times included. Header fields that events do not carry (export time, uptime, source ID,
/// lengths) are checked through the absolute times derived from them.
/// </summary>
public sealed class TsharkConformanceTests
{
    private static readonly HashSet<string> HeaderOnly = ["packet", "unix_secs", "unix_nsecs", "export_time", "source_id", "observation_domain_id", "length", "set_length"];

    private static readonly Dictionary<string, string[]> Fields = new()
    {
        ["version"] = ["version"], ["sequence"] = ["flow_seq_num"], ["set_id"] = ["flowset_id"],
        ["engine_type"] = ["engine_type"], ["engine_id"] = ["engine_id"], ["sampling_mode"] = ["sampling_algorithm"],
        ["src_addr"] = ["ipv4_src_addr", "ipv6_src_addr"], ["dst_addr"] = ["ipv4_dst_addr", "ipv6_dst_addr"], ["next_hop"] = ["ipv4_next_hop"],
        ["in_if"] = ["input_snmp"], ["out_if"] = ["output_snmp"], ["packets"] = ["in_pkts"], ["bytes"] = ["in_bytes"],
        ["src_port"] = ["l4_src_port"], ["dst_port"] = ["l4_dst_port"], ["protocol"] = ["protocol"], ["tcp_flags"] = ["tcp_flags"],
        ["tos"] = ["src_tos"], ["src_as"] = ["src_as"], ["dst_as"] = ["dst_as"], ["src_mask"] = ["src_mask"], ["dst_mask"] = ["dst_mask"],
        ["direction"] = ["direction"], ["flow_end_reason"] = ["flowEndReason"], ["ip_version"] = ["ip_protocol_version"],
        ["icmp_type_code"] = ["icmp_type"], ["rev_icmp_type_code"] = ["reverseIcmpTypeCodeIPv4"],
        ["rev_bytes"] = ["reverseOctetDeltaCount"], ["rev_packets"] = ["reversePacketDeltaCount"],
        ["rev_tcp_flags"] = ["reverseTcpControlBits"], ["rev_tos"] = ["reverseIpClassOfService"],
        ["flow_start_utc"] = ["first_switched", "flowStartMilliseconds"], ["flow_end_utc"] = ["last_switched", "flowEndMilliseconds"],
        ["flow_start_epoch_ms"] = ["flowStartMilliseconds"], ["flow_end_epoch_ms"] = ["flowEndMilliseconds"],
        ["system_init_epoch_ms"] = ["systemInitTimeMilliseconds"],
        ["cflow.scope_interface"] = ["interface"], ["cflow.sampling_interval"] = ["sampling_interval"], ["cflow.sampling_algorithm"] = ["sampling_algorithm"],
        ["cflow.if_name"] = ["if_name"], ["cflow.mp_id"] = ["meteringProcessId"], ["cflow.sys_init_time"] = ["systemInitTimeMilliseconds"],
        ["cflow.sampling_packet_interval"] = ["samplingPacketInterval"], ["cflow.sampling_packet_space"] = ["samplingPacketSpace"],
        ["cflow.selector_algorithm"] = ["selectorAlgorithm"],
    };

    /// <summary>Event fields that are not a reading of the record itself: the exporter, and sampling applied from options data.</summary>
    private static readonly HashSet<string> Annotations = ["host", "record_type", "sampling_interval", "sampling_algorithm",
        "adjusted_bytes", "adjusted_packets", "in_if_name", "in_if_desc", "out_if_name", "out_if_desc"];

    public static TheoryData<string> Captures => new(["v5", "v5_sampled", "v9", "v9_ms", "v9_sampled", "ipfix", "ipfix_ms", "ipfix_bidir"]);

    [Theory]
    [MemberData(nameof(Captures))]
    public void CaptureDecodesToTsharkRecords(string capture)
    {
        var reference = ConformanceCaptures.TsharkReference(capture);
        var (events, counters) = ConformanceCaptures.Decode(capture, new NetFlowCollectorOptions());
        var (rawEvents, _) = ConformanceCaptures.Decode(capture, new NetFlowCollectorOptions { SwitchedTimesFromUptime = true });

        Assert.Equal(0, counters.TotalDrops);
        Assert.Equal(reference.Count, events.Count);
        var differences = new List<string>();
        for (var i = 0; i < reference.Count && differences.Count < 20; i++)
            differences.AddRange(Differences(reference[i], events[i], rawEvents[i]).Select(d => $"record {i} (packet {reference[i]["packet"]}): {d}"));
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    private static IEnumerable<string> Differences(JsonObject reference, JsonObject decoded, JsonObject decodedRaw)
    {
        var used = new HashSet<string>();
        var isOptions = (string?)reference["record_type"] == "options";
        if (isOptions != ((string?)decoded["record_type"] == "options"))
            yield return $"record_type: reference says {reference["record_type"]}, event is {(isOptions ? "not marked" : "marked")} options";
        var flat = reference.Where(p => p.Key is not ("fields" or "record_type")).ToList();
        if (reference["fields"] is JsonObject fields) flat.AddRange(fields);
        foreach (var (key, value) in flat)
        {
            if (HeaderOnly.Contains(key)) continue;
            var expected = value!.ToJsonString().Trim('"');
            string? actual;
            switch (key)
            {
                case "sysuptime_ms" when (int)reference["version"]! == 5:
                    actual = Text(decoded, "uptime", used);
                    break;
                case "sysuptime_ms":
                    continue; // v9: checked through flow_start_utc/flow_end_utc, which are derived from it.
                case "count" when (int)reference["version"]! == 5:
                    actual = Text(decoded, "flow_records", used);
                    break;
                case "count":
                    continue; // v9: softflowd's count is not a record property.
                case "sampling_interval":
                    actual = Text(decoded, "sampling_interval", used);
                    break;
                case "first_switched_ms":
                    actual = Text(decodedRaw, "first_switched", null);
                    used.Add("first_switched");
                    break;
                case "last_switched_ms":
                    actual = Text(decodedRaw, "last_switched", null);
                    used.Add("last_switched");
                    break;
                case "icmp_type" or "icmp_code" or "rev_icmp_type" or "rev_icmp_code":
                    var source = key.StartsWith("rev_") ? "reverseIcmpTypeCodeIPv6" : "icmpTypeCodeIPv6";
                    var typeCode = Text(decoded, source, used);
                    actual = typeCode is null ? null : (key.EndsWith("type") ? int.Parse(typeCode) >> 8 : int.Parse(typeCode) & 0xFF).ToString(CultureInfo.InvariantCulture);
                    break;
                case "flow_start_epoch_ms" or "flow_end_epoch_ms" or "system_init_epoch_ms":
                    expected = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(expected)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                    actual = Text(decoded, Fields[key][0], used);
                    break;
                case "cflow.sys_init_time":
                    expected = DateTimeOffset.ParseExact(expected.Substring(0, expected.IndexOf('.') + 4), "MMM d, yyyy HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
                        .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                    actual = Text(decoded, "systemInitTimeMilliseconds", used);
                    break;
                default:
                    if (!Fields.TryGetValue(key, out var names))
                    {
                        yield return $"reference field '{key}' has no mapping to an event field";
                        continue;
                    }
                    actual = names.Select(n => Text(decoded, n, used)).FirstOrDefault(v => v is not null);
                    break;
            }
            if (actual != expected) yield return $"{key}: reference {expected}, event {actual ?? "(missing)"}";
        }
        foreach (var (key, value) in decoded)
            if (!used.Contains(key) && !Annotations.Contains(key))
                yield return $"event field '{key}' = {value?.ToJsonString()} is not in the reference record";
    }

    private static string? Text(JsonObject decoded, string name, HashSet<string>? used)
    {
        if (!decoded.TryGetPropertyValue(name, out var value)) return null;
        used?.Add(name);
        return value!.ToJsonString().Trim('"');
    }
}
