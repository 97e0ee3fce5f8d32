using GrokFlow.Runtime.Host.Options;

namespace GrokFlow.Runtime.Sink;

/// <summary>Makes the per-worker batch builders and lets the flush timer and shutdown reach all of them.</summary>
internal sealed class BatchBuilders(BatchingOptions options, IBatchTarget target, TimeSpan flushInterval, TimeProvider clock) : IDisposable
{
    private readonly List<BatchBuilder> _all = [];

    /// <summary>A batch is handed on at the latest this long after its first event.</summary>
    public TimeSpan FlushInterval { get; } = flushInterval;

    public BatchBuilder Create()
    {
        var builder = new BatchBuilder(options, target, clock);
        lock (_all) _all.Add(builder);
        return builder;
    }

    public void SealOlderThan(TimeSpan age)
    {
        foreach (var builder in Snapshot())
            lock (builder.Gate) builder.SealIfOlderThan(age);
    }

    public void SealAll()
    {
        foreach (var builder in Snapshot())
            lock (builder.Gate) builder.Seal();
    }

    private BatchBuilder[] Snapshot()
    {
        lock (_all) return [.. _all];
    }

    public void Dispose()
    {
        foreach (var builder in Snapshot()) builder.Dispose();
    }
}
