namespace GrokFlow.Runtime.Host.Options;

/// <summary>The memory queue between receiving and sending (configuration <c>Queue</c>).</summary>
public sealed class QueueOptions
{
    /// <summary>Batches held in memory; beyond it they spill to the spool (or are dropped when the spool is off).</summary>
    public long MemoryBytes { get; set; } = 64L * 1024 * 1024;
    /// <summary>On stop, how long to keep sending before what is left goes to the spool.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
