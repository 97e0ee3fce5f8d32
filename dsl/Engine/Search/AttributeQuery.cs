namespace GrokFlow.Engine.Search;

/// <summary><c>@path:value</c>: some value at the path (any element of an array) is accepted by the test.</summary>
internal sealed class AttributeQuery(SearchAttributePath path, SearchValueTest test) : SearchQuery
{
    public SearchAttributePath Path => path;
    public SearchValueTest Test => test;

    public override bool Matches(scoped in SearchEvent e) => e.Fields.AnyAttributeValue(path, test);
    public override string ToString() => $"@{path}:{test}";
}
