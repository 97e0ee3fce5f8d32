using System.Text.Json;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Language.Model;
using GrokFlow.Language.Model.Processors;

namespace GrokFlow.Engine.Processing;

/// <summary>
/// The base of a generated pipeline with processors: its steps run through <see cref="ProcessingPipeline"/>, and the
/// generated class supplies only its grok parsers (<see cref="ParseWith"/>).
/// </summary>
public abstract class GeneratedProcessingPipeline : IGrokPipeline, IGrokParserSet
{
    private readonly ProcessingPipeline _processing;

    protected GeneratedProcessingPipeline(string id, string title, string filter, EquatableArray<StepModel> steps, ProcessingServices? services) =>
        _processing = new ProcessingPipeline(new GrokPipelineModel(id, title, filter, [], steps), this, services);

    public string Id => _processing.Id;
    public string Title => _processing.Title;
    public string Filter => _processing.Filter;
    public bool HasProcessors => true;

    /// <summary>Runs every step on an event holding only the message and writes the resulting attributes.</summary>
    public GrokResult Parse(ReadOnlySpan<byte> message, Utf8JsonWriter writer, ParseContext context) => _processing.Parse(message, writer, context);

    public GrokResult Process(EventDocument document, ParseContext context) => _processing.Process(document, context);

    public abstract GrokResult ParseWith(int parserIndex, ReadOnlySpan<byte> text, Utf8JsonWriter writer, ParseContext context);
}
