namespace GrokFlow.Engine.Search;

/// <summary><c>service:</c>, <c>source:</c>, <c>host:</c>, <c>status:</c> terms.</summary>
internal sealed class ReservedFieldQuery(SearchReservedField field, SearchValueTest test) : SearchQuery
{
    public override bool Matches(scoped in SearchEvent e) => test.MatchesText(e.Reserved(field));
    private protected override ReservedFieldSet CollectReservedFields() => ReservedFieldSets.Of(field);
    public override string ToString() => $"{field.ToString().ToLowerInvariant()}:{test}";
}
