using GrokFlow.Engine.Search;

namespace GrokFlow.Engine.Processing;

/// <summary>Compiles the search queries of processors (nested-pipeline, category and array filters) for event documents.</summary>
public static class DocumentQueries
{
    /// <summary>The query, parsed once; an empty query matches every event. Throws <see cref="SearchQuerySyntaxException"/>.</summary>
    public static IDocumentQuery Compile(string query) => new SearchDocumentQuery(SearchQueryParser.Parse(query));

    /// <summary>The attribute test a compiled query is, if it is one (<c>@path:value</c> and nothing else).</summary>
    internal static AttributeQuery? AsAttributeTest(IDocumentQuery query) => (query as SearchDocumentQuery)?.Query as AttributeQuery;

    private sealed class SearchDocumentQuery(SearchQuery query) : IDocumentQuery
    {
        public SearchQuery Query => query;

        public bool Matches(EventDocument document, int scope = EventDocument.Root) => query.Matches(document.SearchView.At(scope));

        public override string ToString() => query.ToString() ?? "";
    }
}
