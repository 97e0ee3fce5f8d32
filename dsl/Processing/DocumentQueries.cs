namespace GrokFlow.Dsl.Processing;

/// <summary>Compiles search queries for processors.</summary>
public static class DocumentQueries
{
    /// <summary>An empty query matches every event.</summary>
    public static IDocumentQuery Compile(string query) => MatchAll.Instance;

    private sealed class MatchAll : IDocumentQuery
    {
        public static readonly MatchAll Instance = new();
        public bool Matches(EventDocument document, int scope = EventDocument.Root) => true;
    }
}
