using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Routing;
using GrokFlow.Runtime.Sink;
using GrokFlow.Runtime.Sources;

namespace GrokFlow.Runtime.Syslog;

/// <summary>Makes syslog handlers, with the pipelines routed by their filters.</summary>
internal sealed class SyslogHandlerFactory(PipelineRoutes routes, HostMetrics metrics) : IDatagramHandlerFactory
{
    public SourceType Type => SourceType.Syslog;

    public IDatagramHandler Create(SourceOptions source, BatchBuilder builder) =>
        new SyslogDatagramHandler(builder, new SourceFields(source), routes.All, metrics);
}
