using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>A nested pipeline: its steps run, in order, only when its filter matches the event as it is on entry.</summary>
public sealed class NestedPipelineStep(IDocumentQuery filter, IReadOnlyList<IStepExecutor> steps) : IStepExecutor
{
    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome)
    {
        if (!filter.Matches(document)) return;
        for (var i = 0; i < steps.Count; i++) steps[i].Run(document, context, ref outcome);
    }
}
