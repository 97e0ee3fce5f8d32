namespace GrokFlow.Engine.Search;

/// <summary>
/// A parsed Datadog search query (a pipeline filter, a category's query) that decides whether it matches an event.
/// Immutable and thread-safe; evaluating it allocates nothing. Read one with <see cref="SearchQueryParser"/>.
/// </summary>
public abstract class SearchQuery
{
    private protected SearchQuery() { }

    /// <summary>The empty query: matches every event.</summary>
    public static SearchQuery All { get; } = new MatchAllQuery();

    public abstract bool Matches(scoped in SearchEvent e);

    public bool Matches(ISearchableEvent e) => Matches(SearchEvent.From(e));

    private sealed class MatchAllQuery : SearchQuery
    {
        public override bool Matches(scoped in SearchEvent e) => true;
        public override string ToString() => "*";
    }
}
