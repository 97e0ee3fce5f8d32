using System.Diagnostics.CodeAnalysis;
using GrokFlow.Engine.Search;
using GrokFlow.Language.Search;

namespace GrokFlow.Engine.Search;

/// <summary>
/// Turns Datadog log search syntax (read by the language's <see cref="SearchSyntaxParser"/>) into a
/// <see cref="SearchQuery"/> that evaluates it against events.
/// </summary>
public static class SearchQueryParser
{
    /// <exception cref="SearchQuerySyntaxException">The query does not follow the syntax.</exception>
    public static SearchQuery Parse(string? query) => Compile(SearchSyntaxParser.Parse(query));

    public static bool TryParse(string? query, [NotNullWhen(true)] out SearchQuery? result, [NotNullWhen(false)] out SearchQuerySyntaxException? error)
    {
        if (!SearchSyntaxParser.TryParse(query, out var syntax, out error))
        {
            result = null;
            return false;
        }
        result = Compile(syntax);
        return true;
    }

    public static SearchQuery Compile(SearchSyntax syntax) => syntax switch
    {
        AllSearch => SearchQuery.All,
        AndSearch and => new AndQuery(Compile(and.Left), Compile(and.Right)),
        OrSearch or => new OrQuery(Compile(or.Left), Compile(or.Right)),
        NotSearch not => new NotQuery(Compile(not.Inner)),
        FreeTextSearch text => new FreeTextQuery(Pattern(text.Text)),
        TermSearch term => SearchTarget.Of(term.Key).For(Test(term.Value)),
        _ => throw new ArgumentOutOfRangeException(nameof(syntax), syntax, "unknown search syntax"),
    };

    private static SearchValueTest Test(SearchValueSyntax value) => value switch
    {
        PatternValue pattern => new PatternTest(Pattern(pattern.Text)),
        RangeValue range => new RangeTest(Bound(range.Lower), Bound(range.Upper)),
        CidrValue cidr => new CidrTest([.. cidr.Networks.Select(n => CidrBlock.TryParse(n) ?? throw new ArgumentException($"'{n}' is not an IP network", nameof(value)))]),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "unknown search value"),
    };

    private static SearchPattern Pattern(SearchText text) => new(text.Text, text.Wildcards);

    private static RangeBound? Bound(SearchBound? bound) => bound is null ? null : new RangeBound(bound.Text, bound.Inclusive);
}
