using System.Text.Json;
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
        var writer = scratch.StartGrokOutput();
        writer.WriteStartObject();
        var result = pipeline.Parse(document.TextOf(node), writer, context);
        writer.WriteEndObject();
        if (!result.Matched) return result;
        try
        {
            document.MergeObject(scratch.GrokOutput);
        }
        catch (JsonException)
        {
            // Our own writer always produces one object; nothing to merge otherwise.
        }
        return result;
    }
}
