namespace GrokFlow.Engine.Search;

internal sealed class AndQuery(SearchQuery left, SearchQuery right) : SearchQuery
{
    public override bool Matches(scoped in SearchEvent e) => left.Matches(e) && right.Matches(e);
    private protected override ReservedFieldSet CollectReservedFields() => left.ReservedFieldsRead | right.ReservedFieldsRead;
    public override string ToString() => $"({left} AND {right})";
}

internal sealed class OrQuery(SearchQuery left, SearchQuery right) : SearchQuery
{
    public override bool Matches(scoped in SearchEvent e) => left.Matches(e) || right.Matches(e);
    private protected override ReservedFieldSet CollectReservedFields() => left.ReservedFieldsRead | right.ReservedFieldsRead;
    public override string ToString() => $"({left} OR {right})";
}

internal sealed class NotQuery(SearchQuery inner) : SearchQuery
{
    public override bool Matches(scoped in SearchEvent e) => !inner.Matches(e);
    private protected override ReservedFieldSet CollectReservedFields() => inner.ReservedFieldsRead;
    public override string ToString() => $"NOT {inner}";
}
