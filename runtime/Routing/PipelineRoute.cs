using GrokFlow.Dsl.Runtime;

namespace GrokFlow.Runtime.Routing;

/// <summary>A pipeline with its parsed filter.</summary>
internal sealed record PipelineRoute(IGrokPipeline Pipeline, SearchQuery Filter);
