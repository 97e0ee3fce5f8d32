using GrokFlow.Dsl.Runtime;

namespace GrokFlow.Runtime.Routing;

/// <summary>The pipelines compiled from rules/*.rules into GrokFlow.Rules.dll.</summary>
internal sealed class BuiltInPipelineCatalog : IPipelineCatalog
{
    // GrokFlow.Rules.BuiltInPipelines.All takes this place once the generator emits it.
    public IReadOnlyList<IGrokPipeline> Pipelines { get; } = [];
}
