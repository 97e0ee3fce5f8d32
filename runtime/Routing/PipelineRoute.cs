using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Search;

namespace GrokFlow.Runtime.Routing;

/// <summary>A pipeline with its parsed filter.</summary>
internal sealed record PipelineRoute(IGrokPipeline Pipeline, SearchQuery Filter)
{
    /// <summary>Whether the pipeline applies to the event.</summary>
    public bool Applies(scoped in EventFacts facts) => Filter.Matches(facts.ToSearchEvent());
}
