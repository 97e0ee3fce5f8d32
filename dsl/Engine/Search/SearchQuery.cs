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

    public bool Matches(ISearchableEvent e) => Matches(SearchEvent.From(e, ReservedFieldsRead));

    // -1 until known; an int, so that threads sharing the query read it whole.
    private int _reservedFieldsRead = -1;

    /// <summary>The reserved fields the query reads: only those are asked of an <see cref="ISearchableEvent"/>.</summary>
    public ReservedFieldSet ReservedFieldsRead =>
        (ReservedFieldSet)(_reservedFieldsRead >= 0 ? _reservedFieldsRead : _reservedFieldsRead = (int)CollectReservedFields());

    private protected virtual ReservedFieldSet CollectReservedFields() => ReservedFieldSet.None;

    private sealed class MatchAllQuery : SearchQuery
    {
        public override bool Matches(scoped in SearchEvent e) => true;
        public override string ToString() => "*";
    }
}
