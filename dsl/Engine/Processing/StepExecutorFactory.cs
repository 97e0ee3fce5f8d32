using GrokFlow.Language.Model;
using GrokFlow.Language.Model.Processors;
using GrokFlow.Engine.Processing.Steps;

namespace GrokFlow.Engine.Processing;

/// <summary>Turns checked steps into executors; disabled steps are left out.</summary>
internal sealed class StepExecutorFactory(IGrokParserSet parsers, ProcessingServices services)
{
    public IStepExecutor[] CreateAll(EquatableArray<StepModel> steps)
    {
        var executors = new List<IStepExecutor>();
        foreach (var step in steps)
        {
            if (step.Enabled) executors.Add(Create(step));
        }
        return executors.ToArray();
    }

    private IStepExecutor Create(StepModel step) => step switch
    {
        GrokStepModel grok => new GrokStep(grok, parsers),
        NestedPipelineModel nested => new NestedPipelineStep(services.CompileQuery(nested.Filter), CreateAll(nested.Steps)),
        AttributeRemapperModel remapper => new AttributeRemapperStep(remapper),
        ReservedRemapperModel reserved => reserved.Attribute switch
        {
            ReservedAttribute.Date => new DateRemapperStep(reserved),
            ReservedAttribute.Status => new StatusRemapperStep(reserved),
            ReservedAttribute.Service => new ServiceRemapperStep(reserved),
            ReservedAttribute.Message => new MessageRemapperStep(reserved),
            _ => new TraceIdRemapperStep(reserved),
        },
        CategoryProcessorModel category => new CategoryProcessorStep(category, services.CompileQuery),
        ArithmeticProcessorModel arithmetic => new ArithmeticProcessorStep(arithmetic),
        StringBuilderModel builder => new StringBuilderProcessorStep(builder),
        LookupProcessorModel lookup => new LookupProcessorStep(lookup),
        UrlParserModel url => new UrlParserStep(url),
        UserAgentParserModel userAgent => new UserAgentParserStep(userAgent),
        GeoIpParserModel geoIp => new GeoIpParserStep(geoIp, services.GeoIp),
        ArrayProcessorModel array => new ArrayProcessorStep(array, services.CompileQuery),
        _ => throw new ArgumentException($"no executor for step type {step.Type}", nameof(step)),
    };
}
