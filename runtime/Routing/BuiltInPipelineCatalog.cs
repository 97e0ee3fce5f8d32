using GrokFlow.Dsl.Runtime;
using GrokFlow.Rules;

namespace GrokFlow.Runtime.Routing;

/// <summary>The pipelines compiled from rules/*.rules into GrokFlow.Rules.dll.</summary>
internal sealed class BuiltInPipelineCatalog : IPipelineCatalog
{
    public IReadOnlyList<IGrokPipeline> Pipelines => BuiltInPipelines.All;
}
