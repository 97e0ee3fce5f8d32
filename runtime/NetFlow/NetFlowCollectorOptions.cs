namespace GrokFlow.Runtime.NetFlow;

/// <summary>How a <see cref="NetFlowCollector"/> decodes and what its events carry.</summary>
public sealed record NetFlowCollectorOptions
{
    /// <summary>Export versions decoded (5, 9, 10 = IPFIX); others are counted as <c>version_disabled</c> drops.</summary>
    public IReadOnlySet<int> EnabledVersions { get; init; } = new HashSet<int> { 5, 9, 10 };

    /// <summary>Emit options data records as events (fluent-plugin-netflow does). They are applied either way.</summary>
    public bool ShipOptionsRecords { get; init; } = true;

    /// <summary>
    /// Byte-for-byte fluent-plugin-netflow events: only fields the plugin knows, no options marker, no sampling
    /// annotation from options data. Off: every element is written (unknown ones as <c>ie[PEN_]ID</c>), options
    /// events carry <c>"record_type":"options"</c>, and data records get the exporter's sampling interval.
    /// </summary>
    public bool FluentStrict { get; init; }

    /// <summary>fluent's <c>switched_times_from_uptime</c>: write raw uptime milliseconds instead of ISO times.</summary>
    public bool SwitchedTimesFromUptime { get; init; }

    /// <summary>Templates an exporter may have cached at once (across its source IDs / observation domains).</summary>
    public int MaxTemplatesPerExporter { get; init; } = 1024;

    /// <summary>Exporter streams (address, source ID / observation domain) tracked at once.</summary>
    public int MaxDomains { get; init; } = 16384;

    /// <summary>A template not refreshed for this long is discarded (fluent's cache_ttl default).</summary>
    public TimeSpan TemplateLifetime { get; init; } = TimeSpan.FromSeconds(4000);

    /// <summary>How long data that arrived before its template is held (0 = drop it at once).</summary>
    public TimeSpan PendingDataMaxAge { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Sampling intervals (1-in-N) per exporter address, winning over what the exporter states; with a known rate,
    /// data records get adjusted_bytes / adjusted_packets (outside fluent-strict mode).
    /// </summary>
    public IReadOnlyDictionary<System.Net.IPAddress, ulong> SamplingRates { get; init; } = new Dictionary<System.Net.IPAddress, ulong>();

    /// <summary>Interface names learned from options data and read from a CSV map; may be shared by several collectors.</summary>
    public InterfaceNameTable? Interfaces { get; init; }

    /// <summary>Templates kept on disk across restarts; may be shared by several collectors.</summary>
    public TemplateStore? TemplateStore { get; init; }

    /// <summary>Bytes of early data held at most; beyond that the oldest is dropped.</summary>
    public int PendingDataMaxBytes { get; init; } = 1 << 20;
}
