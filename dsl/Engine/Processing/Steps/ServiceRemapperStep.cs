using GrokFlow.Language.Model.Processors;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// <c>service-remapper</c>: the first source the event has (a string, number or boolean) becomes the official
/// service. The first service remapper that sets a service wins, replacing the service the log was sent with; the
/// source attribute stays.
/// </summary>
public sealed class ServiceRemapperStep(ReservedRemapperModel model) : IStepExecutor
{
    private readonly SourcePaths _sources = new(model.Sources);

    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome)
    {
        if (document.Official.ServiceRemapped) return;
        var source = _sources.FindFirst(document);
        if (source == EventDocument.None || !ValueText.TryGetScalar(document, source, out var service) || service.IsEmpty) return;
        document.Official.Service = document.Store(service);
        document.Official.ServiceRemapped = true;
    }
}
