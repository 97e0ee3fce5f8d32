namespace GrokFlow.Runtime.Host.Options;

/// <summary>How events are grouped into intake requests (configuration <c>Batching</c>). Defaults are Datadog's limits.</summary>
public sealed class BatchingOptions
{
    public int MaxEvents { get; set; } = 1000;
    /// <summary>Uncompressed JSON bytes of one request, brackets and commas included.</summary>
    public int MaxBytes { get; set; } = 5_000_000;
    /// <summary>Largest event; a bigger one has its message truncated so it fits.</summary>
    public int MaxEventBytes { get; set; } = 1_000_000;
    /// <summary>A batch is sent at the latest this long after its first event.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(3);
}
