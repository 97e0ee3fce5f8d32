namespace GrokFlow.Engine.Processing;

/// <summary>A search query (nested-pipeline, category or array filter) evaluated on an event document.</summary>
public interface IDocumentQuery
{
    bool Matches(EventDocument document, int scope = EventDocument.Root);
}
