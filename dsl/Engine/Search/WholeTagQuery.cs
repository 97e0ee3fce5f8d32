namespace GrokFlow.Engine.Search;

/// <summary><c>tags:beta</c>: some tag, as written (<c>beta</c>, <c>env:prod</c>), is accepted by the test.</summary>
internal sealed class WholeTagQuery(SearchValueTest test) : SearchQuery
{
    public override bool Matches(scoped in SearchEvent e)
    {
        var tags = e.Fields;
        for (var i = 0; i < tags.TagCount; i++)
            if (test.MatchesText(tags.Tag(i))) return true;
        return false;
    }

    public override string ToString() => $"tags:{test}";
}
