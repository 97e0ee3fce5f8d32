using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Runtime.Routing;

/// <summary>The pipelines the host applies, in order.</summary>
public interface IPipelineCatalog
{
    IReadOnlyList<IGrokPipeline> Pipelines { get; }
}
