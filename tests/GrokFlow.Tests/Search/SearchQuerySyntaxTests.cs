using GrokFlow.Engine.Search;
using GrokFlow.Language.Search;

namespace GrokFlow.Tests.Search;

public sealed class SearchQuerySyntaxTests
{
    [Theory]
    [InlineData("service:(a", 10, "missing ')'")]
    [InlineData("service:a)", 9, "unbalanced ')'")]
    [InlineData("service:", 8, "a value is missing after ':'")]
    [InlineData("service: a", 8, "a value is missing after ':'")]
    [InlineData(":x", 0, "a key is missing before ':'")]
    [InlineData("@:x", 0, "an attribute name is missing after '@'")]
    [InlineData("*:error", 0, "full-text search (*:term) is not supported")]
    [InlineData("se*:x", 0, "wildcards are not supported in keys")]
    [InlineData("@a:[1 TO 2", 10, "missing ']' or '}' to close the range")]
    [InlineData("@a:[1 2]", 6, "expected 'TO'")]
    [InlineData("@a:[1 TO ]", 9, "a range bound is missing")]
    [InlineData("@a:>", 4, "a value is missing after '>'")]
    [InlineData("@a:>= 3", 5, "a value is missing after '>='")]
    [InlineData("msg \"unterminated", 4, "missing closing '\"'")]
    [InlineData("CIDR(@ip, 10.0.0.0/33)", 10, "'10.0.0.0/33' is not an IP network")]
    [InlineData("CIDR(@ip, 10.0.0/8)", 10, "is not an IP network")]
    [InlineData("CIDR(@ip, fc00:::/7)", 10, "is not an IP network")]
    [InlineData("CIDR(@ip)", 8, "needs at least one network")]
    [InlineData("CIDR(, 10.0.0.0/8)", 5, "needs an attribute first")]
    [InlineData("CIDR(@ip, 10.0.0.0/8", 20, "missing ')' to close CIDR")]
    [InlineData("a OR", 4, "a term is missing")]
    [InlineData("AND a", 0, "a term is missing before 'AND'")]
    [InlineData("a AND OR b", 6, "a term is missing before 'OR'")]
    [InlineData("()", 1, "a term is missing before ')'")]
    [InlineData("foo\\", 3, "nothing to escape")]
    public void UnreadableQueriesSayWhereAndWhy(string query, int position, string problem)
    {
        var error = Assert.Throws<SearchQuerySyntaxException>(() => SearchQueryParser.Parse(query));
        Assert.Equal(position, error.Position);
        Assert.Contains(problem, error.Problem);
        Assert.Equal(query, error.Query);
        Assert.Contains($"at position {position + 1}", error.Message);
        Assert.Contains(query, error.Message);
    }

    [Fact]
    public void TryParseReturnsTheErrorInsteadOfThrowing()
    {
        Assert.False(SearchQueryParser.TryParse("service:(a", out var query, out var error));
        Assert.Null(query);
        Assert.Equal(10, error.Position);
        Assert.True(SearchQueryParser.TryParse("service:a", out query, out error));
        Assert.Null(error);
        Assert.NotNull(query);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void AnEmptyQueryMatchesEverything(string? query) => Assert.Same(SearchQuery.All, SearchQueryParser.Parse(query));

    [Theory]
    [InlineData("a and b")]
    [InlineData("a or b")]
    [InlineData("ORDER")]
    [InlineData("NOTE")]
    [InlineData("@url:http://x/y")]
    [InlineData("@a:\\*")]
    [InlineData("@a:[\"a b\" TO \"c d\"]")]
    [InlineData("@a:[* TO *]")]
    [InlineData("CIDR(@ip, ::/0, 0.0.0.0/0, ::ffff:10.0.0.1/128, 1:2:3:4:5:6:7:8)")]
    public void LowercaseOperatorsAndColonsInValuesAreOrdinaryText(string query) => Assert.NotNull(SearchQueryParser.Parse(query));
}
