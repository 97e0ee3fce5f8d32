using GrokFlow.Language.Model.Processors;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// <c>trace-id-remapper</c>: the first source the event has (a string or number) becomes the official trace id. The
/// first trace id remapper that sets one wins. The source attribute goes: Datadog's documentation says trace ids are not
/// shown among a log's attributes, and its results drop the source (tekton: <c>knative.dev/traceid</c>).
/// </summary>
public sealed class TraceIdRemapperStep(ReservedRemapperModel model) : IStepExecutor
{
    private readonly SourcePaths _sources = new(model.Sources);

    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome)
    {
        if (document.Official.TraceId is not null) return;
        var source = _sources.FindFirst(document);
        if (source == EventDocument.None || !ValueText.TryGetScalar(document, source, out var traceId) || traceId.IsEmpty) return;
        document.Official.TraceId = document.Store(traceId);
        document.RemoveAndPrune(source);
    }
}
