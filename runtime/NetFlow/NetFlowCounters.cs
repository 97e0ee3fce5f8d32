namespace GrokFlow.Runtime.NetFlow;

/// <summary>The running counts of one collector (written by its decoding thread only).</summary>
internal sealed class NetFlowCounters
{
    public long Datagrams;
    public long Flows;
    public long OptionsRecords;
    public long SequenceGaps;
    public long TemplatesLearned;
    public long TemplatesRestored;
    public readonly long[] Drops = new long[Enum.GetValues<NetFlowDropReason>().Length];

    public void Drop(NetFlowDropReason reason) => Drops[(int)reason]++;

    public NetFlowCounterSnapshot Snapshot(int templatesCached, int pendingSets) => new(
        Volatile.Read(ref Datagrams), Volatile.Read(ref Flows), Volatile.Read(ref OptionsRecords), Volatile.Read(ref SequenceGaps),
        Volatile.Read(ref TemplatesLearned), templatesCached, pendingSets,
        Enum.GetValues<NetFlowDropReason>().ToDictionary(r => r, r => Volatile.Read(ref Drops[(int)r])), Volatile.Read(ref TemplatesRestored));
}

/// <summary>
/// A collector's counts at one moment: datagrams seen, flow (data) records and options records decoded, sequence
/// gaps (counted, never a reason to drop), templates learned and cached, data sets held for their template, drops.
/// </summary>
public sealed record NetFlowCounterSnapshot(
    long Datagrams,
    long Flows,
    long OptionsRecords,
    long SequenceGaps,
    long TemplatesLearned,
    int TemplatesCached,
    int PendingSets,
    IReadOnlyDictionary<NetFlowDropReason, long> Drops,
    long TemplatesRestored = 0)
{
    public long TotalDrops => Drops.Values.Sum();
}
