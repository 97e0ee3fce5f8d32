using System.Diagnostics.Metrics;

namespace GrokFlow.Runtime.NetFlow;

/// <summary>
/// Publishes a collector's counters through System.Diagnostics.Metrics (meter "GrokFlow.NetFlow") as observable
/// instruments, so decoding pays nothing for them.
/// </summary>
internal sealed class NetFlowMetrics : IDisposable
{
    public const string MeterName = "GrokFlow.NetFlow";
    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    public NetFlowMetrics(Func<NetFlowCounterSnapshot> snapshot, IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _meter.CreateObservableCounter("grokflow.netflow.datagrams", () => snapshot().Datagrams, "{datagram}", "Export datagrams received");
        _meter.CreateObservableCounter("grokflow.netflow.flows", () => snapshot().Flows, "{flow}", "Flow data records decoded");
        _meter.CreateObservableCounter("grokflow.netflow.options_records", () => snapshot().OptionsRecords, "{record}", "Options data records decoded");
        _meter.CreateObservableCounter("grokflow.netflow.sequence_gaps", () => snapshot().SequenceGaps, "{gap}", "Export sequence discontinuities");
        _meter.CreateObservableGauge("grokflow.netflow.templates", () => snapshot().TemplatesCached, "{template}", "Templates cached");
        _meter.CreateObservableCounter("grokflow.netflow.drops", () => snapshot().Drops
            .Select(d => new Measurement<long>(d.Value, new KeyValuePair<string, object?>("reason", d.Key.Name()))), "{drop}", "Input dropped, by reason");
    }

    public void Dispose()
    {
        if (_ownsMeter) _meter.Dispose();
    }
}
