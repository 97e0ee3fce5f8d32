using GrokFlow.Language.Model.Processors;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// <c>status-remapper</c>: the first source the event has becomes the official status, named as Datadog names it
/// (<see cref="StatusNames"/>). The first status remapper that sets a status wins; the source attribute stays.
/// </summary>
public sealed class StatusRemapperStep(ReservedRemapperModel model) : IStepExecutor
{
    private readonly SourcePaths _sources = new(model.Sources);

    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome)
    {
        if (document.Official.Status is not null) return;
        var source = _sources.FindFirst(document);
        if (source == EventDocument.None) return;
        var status = StatusNames.Of(document, source);
        if (status.IsEmpty) return;
        document.Official.Status = document.Store(status);
    }
}
