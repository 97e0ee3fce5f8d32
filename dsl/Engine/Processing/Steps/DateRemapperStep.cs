using GrokFlow.Language.Model.Processors;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// <c>date-remapper</c>: the first source the event has becomes the official date when <see cref="OfficialDateParser"/>
/// reads it. Each date remapper that reads a date replaces the one before: the last wins. The source attribute stays.
/// </summary>
public sealed class DateRemapperStep(ReservedRemapperModel model) : IStepExecutor
{
    private readonly SourcePaths _sources = new(model.Sources);

    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome)
    {
        var source = _sources.FindFirst(document);
        if (source == EventDocument.None) return;
        if (OfficialDateParser.TryParse(document, source, context.Clock, out var epochMilliseconds))
            document.Official.Date = epochMilliseconds;
    }
}
