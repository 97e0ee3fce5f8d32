using GrokFlow.Runtime.Host.Options;
using GrokFlow.Runtime.Sink;

namespace GrokFlow.Runtime.Sources;

/// <summary>Makes the handler of one source type for one worker.</summary>
internal interface IDatagramHandlerFactory
{
    SourceType Type { get; }
    IDatagramHandler Create(SourceOptions source, BatchBuilder builder);
}
