using System.Diagnostics.Metrics;
using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.NetFlow;
using GrokFlow.Runtime.Sink;

namespace GrokFlow.Runtime.Sources;

/// <summary>Makes NetFlow handlers, each with its own collector limited to the source's versions.</summary>
internal sealed class NetFlowHandlerFactory(HostMetrics metrics, IMeterFactory meterFactory, NetFlowSharedState netflow, TimeProvider clock) : IDatagramHandlerFactory
{
    public SourceType Type => SourceType.NetFlow;

    public IDatagramHandler Create(SourceOptions source, BatchBuilder builder)
    {
        var options = netflow.CollectorOptions(source.NetFlowVersions);
        return new NetFlowDatagramHandler(builder, new SourceFields(source), new NetFlowCollector(options, meterFactory: meterFactory), metrics,
            netflow.Aggregation, clock);
    }
}
