namespace GrokFlow.Runtime.NetFlow.Aggregation;

/// <summary>The running counts of one aggregator (written by its decoding thread only).</summary>
internal sealed class AggregationCounters
{
    public long FlowsIn, EventsOut, PassedThrough, EarlyFlushes, RolledUp, FoldedIntoOther;

    public AggregationCounterSnapshot Snapshot(int openKeys) => new(
        Volatile.Read(ref FlowsIn), Volatile.Read(ref EventsOut), Volatile.Read(ref PassedThrough), Volatile.Read(ref EarlyFlushes),
        Volatile.Read(ref RolledUp), Volatile.Read(ref FoldedIntoOther), openKeys);
}

/// <summary>
/// An aggregator's counts: flows merged in, aggregated events written, events passed through unaggregated (options
/// records), windows flushed early at the key cap, aggregates whose port was rolled up to <c>*</c>, aggregates folded
/// into a top-N remainder, and keys open now.
/// </summary>
public sealed record AggregationCounterSnapshot(long FlowsIn, long EventsOut, long PassedThrough, long EarlyFlushes, long RolledUp, long FoldedIntoOther, int OpenKeys);
