using System.Text;
using System.Text.Json;
using GrokFlow.Language.Model;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Engine.Processing;

/// <summary>
/// A pipeline with processors (or grok parsers of attributes other than <c>message</c>, or nested pipelines): its
/// steps run in order on an <see cref="EventDocument"/>. Generated and interpreted pipelines share it; only their grok
/// parsers (<see cref="IGrokParserSet"/>) differ. Allocates nothing per event after warm-up, except in processors
/// that look values up in databases (geo-IP, user agent).
/// </summary>
public sealed class ProcessingPipeline : IGrokPipeline
{
    private readonly IStepExecutor[] _steps;

    public ProcessingPipeline(GrokPipelineModel model, IGrokParserSet parsers, ProcessingServices? services = null)
    {
        Model = model;
        services ??= ProcessingServices.Default;
        _steps = new StepExecutorFactory(parsers, services).CreateAll(model.Steps);
        if (services.GeoIp is null && Steps.GeoIpParserStep.IsUsedIn(model.Steps)) services.GeoIpUnavailable?.Invoke(model.Id);
    }

    public GrokPipelineModel Model { get; }
    public string Id => Model.Id;
    public string Title => Model.Title;
    public string Filter => Model.Filter;
    public bool HasProcessors => true;

    /// <summary>
    /// Runs every step on <paramref name="document"/>, which holds the event as it enters the pipeline. The result is
    /// the first grok parser outcome that was not "no match" (no match when no grok step matched).
    /// </summary>
    public GrokResult Process(EventDocument document, ParseContext context)
    {
        var outcome = GrokResult.NoMatch;
        for (var i = 0; i < _steps.Length; i++) _steps[i].Run(document, context, ref outcome);
        return outcome;
    }

    /// <summary>
    /// Runs the pipeline on an event that is only <paramref name="message"/> and writes the rest of the event (its
    /// attributes and the reserved fields a remapper set, through <see cref="Events.EventWriter"/>) as properties of
    /// the open object, in which the caller has written <c>message</c>.
    /// </summary>
    public GrokResult Parse(ReadOnlySpan<byte> message, Utf8JsonWriter writer, ParseContext context)
    {
        var document = context.Processing.Document;
        document.Reset();
        Events.EventWriter.LoadMessage(document, message);
        var result = Process(document, context);
        Events.EventWriter.WriteMembers(document, writer, context, withMessage: false);
        return result;
    }
}
