using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Engine.Processing;

/// <summary>How a pipeline of grok parsers of <c>message</c> alone applies to an event document.</summary>
public static class GrokOnlyProcessing
{
    private static readonly AttributePath Message = new("message");

    /// <summary>Parses the document's <c>message</c> (when it is a string) and merges the attributes at the top level.</summary>
    public static GrokResult Run(IGrokPipeline pipeline, EventDocument document, ParseContext context)
    {
        var node = document.Find(Message);
        if (node == EventDocument.None || document.KindOf(node) != EventValueKind.String) return GrokResult.NoMatch;
        var scratch = context.Processing;
        var writer = scratch.BeginGrokInto(document, context);
        var result = GrokResult.NoMatch;
        try
        {
            result = pipeline.Parse(document.TextOf(node), writer, context);
        }
        finally
        {
            scratch.EndGrokInto(document, context, result.Matched);
        }
        return result;
    }
}
