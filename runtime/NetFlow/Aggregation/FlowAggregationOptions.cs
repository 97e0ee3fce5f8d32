namespace GrokFlow.Runtime.NetFlow.Aggregation;

/// <summary>
/// Edge aggregation of flow events (configuration section <c>NetFlow:Aggregation</c>). Off while
/// <see cref="Window"/> is zero: every flow record is then one event, as before.
/// </summary>
public sealed record FlowAggregationOptions
{
    /// <summary>Datadog NDM's aggregation key: exporter, source and destination address and port, protocol, ToS, input interface.</summary>
    public static readonly IReadOnlyList<string> DatadogKey = ["exporter", "src_addr", "dst_addr", "src_port", "dst_port", "protocol", "tos", "in_if"];

    /// <summary>Length of an aggregation window, aligned to the epoch (0 = aggregation off).</summary>
    public TimeSpan Window { get; set; }

    /// <summary>
    /// Fields whose equal values merge flows. Logical names (<c>exporter</c>, <c>src_addr</c>, <c>dst_addr</c>,
    /// <c>src_port</c>, <c>dst_port</c>, <c>protocol</c>, <c>tos</c>, <c>in_if</c>, <c>out_if</c>, <c>direction</c>,
    /// <c>ip_version</c>) or any event field name. Empty: <see cref="DatadogKey"/>.
    /// </summary>
    public List<string> Key { get; set; } = [];

    /// <summary>Aggregates kept per window, the largest by bytes; the rest are folded into one <c>"aggregation_other":true</c> event per exporter (0 = all).</summary>
    public int TopN { get; set; }

    /// <summary>A port seen with at least this many distinct peer ports (same addresses, protocol...) in a window keeps its value; the peer ports become <c>*</c> (0 = no rollup).</summary>
    public int PortRollupThreshold { get; set; } = 10;

    /// <summary>Open aggregates at most; a new key beyond this flushes the window early (counted).</summary>
    public int MaxOpenKeys { get; set; } = 100_000;

    public bool Enabled => Window > TimeSpan.Zero;

    public IReadOnlyList<string> EffectiveKey => Key.Count == 0 ? DatadogKey : Key;

    /// <summary>Problems with these options, as messages naming the key.</summary>
    public IEnumerable<string> Validate(string section = "NetFlow:Aggregation")
    {
        if (Window < TimeSpan.Zero) yield return $"{section}:Window must not be negative.";
        if (Enabled && Window < TimeSpan.FromSeconds(1)) yield return $"{section}:Window must be at least 1 second.";
        if (TopN < 0) yield return $"{section}:TopN must not be negative.";
        if (PortRollupThreshold is < 0 or 1) yield return $"{section}:PortRollupThreshold must be 0 (off) or at least 2.";
        if (MaxOpenKeys < 1) yield return $"{section}:MaxOpenKeys must be at least 1.";
        foreach (var name in Key.Where(string.IsNullOrWhiteSpace)) yield return $"{section}:Key has an empty field name.";
    }
}
