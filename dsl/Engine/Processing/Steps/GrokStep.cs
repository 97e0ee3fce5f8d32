using GrokFlow.Language.Model.Processors;
using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Engine.Processing.Steps;

/// <summary>
/// A grok parser step: reads its source attribute (a string; other values are not parsed, as in Datadog), runs the
/// parser, and merges the extracted attributes into the event at the top level, later values replacing earlier ones.
/// </summary>
public sealed class GrokStep(GrokStepModel model, IGrokParserSet parsers) : IStepExecutor
{
    private readonly AttributePath _source = new(model.SourceAttribute);

    public void Run(EventDocument document, ParseContext context, ref GrokResult outcome)
    {
        var node = document.Find(_source);
        if (node == EventDocument.None || document.KindOf(node) != EventValueKind.String) return;
        document.NoteAscii(node);
        var scratch = context.Processing;
        var writer = scratch.BeginGrokInto(document, context);
        var result = GrokResult.NoMatch;
        try
        {
            result = parsers.ParseWith(model.ParserIndex, document.TextOf(node), writer, context);
        }
        finally
        {
            scratch.EndGrokInto(document, context, result.Matched);
        }
        if (!outcome.Matched && result.Status != GrokStatus.NoMatch) outcome = result;
    }
}
