using GrokFlow.Dsl.Model;
using GrokFlow.Dsl.Model.Processors;
using GrokFlow.Dsl.Processing.Steps;

namespace GrokFlow.Dsl.Processing;

/// <summary>Turns checked steps into executors; disabled steps are left out.</summary>
internal sealed class StepExecutorFactory(IGrokParserSet parsers, ProcessingServices services)
{
    public IStepExecutor[] CreateAll(EquatableArray<StepModel> steps) =>
        steps.Where(s => s.Enabled).Select(Create).ToArray();

    private IStepExecutor Create(StepModel step) => step switch
    {
        GrokStepModel grok => new GrokStep(grok, parsers),
        NestedPipelineModel nested => new NestedPipelineStep(services.CompileQuery(nested.Filter), CreateAll(nested.Steps)),
        _ => new NotYetSupportedStep(),
    };

    private sealed class NotYetSupportedStep : IStepExecutor
    {
        public void Run(EventDocument document, Runtime.ParseContext context, ref Runtime.GrokResult outcome)
        {
        }
    }
}
