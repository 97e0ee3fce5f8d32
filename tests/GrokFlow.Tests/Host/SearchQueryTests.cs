using System.Text;
using GrokFlow.Runtime.Routing;

namespace GrokFlow.Tests.Host;

public sealed class SearchQueryTests
{
    private static readonly EventTags Tags = new(["env:prod", "team:storage", "beta"]);

    private static bool Matches(string query, string service = "qnap-nas", string source = "qnap", string host = "NAS01", string status = "info") =>
        SearchQueryParser.Parse(query).Matches(new EventFacts(
            Encoding.UTF8.GetBytes(service), Encoding.UTF8.GetBytes(source), Encoding.UTF8.GetBytes(host), Encoding.UTF8.GetBytes(status), Tags));

    [Theory]
    [InlineData("", true)]
    [InlineData("service:qnap-nas", true)]
    [InlineData("service:other", false)]
    [InlineData("service:QNAP-NAS", true)]
    [InlineData("source:qnap host:NAS01", true)]
    [InlineData("source:qnap AND host:other", false)]
    [InlineData("source:other OR host:nas01", true)]
    [InlineData("service:qnap* ", true)]
    [InlineData("service:*nas", true)]
    [InlineData("service:q?ap-nas", true)]
    [InlineData("service:q?p-nas", false)]
    [InlineData("-status:error", true)]
    [InlineData("NOT status:info", false)]
    [InlineData("env:prod", true)]
    [InlineData("env:(test OR prod)", true)]
    [InlineData("env:(test OR staging)", false)]
    [InlineData("tags:beta", true)]
    [InlineData("team:stor*", true)]
    [InlineData("service:\"qnap-nas\"", true)]
    [InlineData("(service:x OR source:qnap) AND -(host:y)", true)]
    [InlineData("service:x OR source:y AND host:NAS01", false)]
    [InlineData("service:qnap\\-nas", true)]
    public void FiltersMatchLikeDatadogSearch(string query, bool expected) => Assert.Equal(expected, Matches(query));

    [Theory]
    [InlineData("service:(a", "missing ')'")]
    [InlineData("service:a)", "unbalanced ')'")]
    [InlineData("hello", "free-text")]
    [InlineData("@http.status:200", "attribute filters")]
    [InlineData("service:", "value is missing")]
    public void UnreadableFiltersSayWhy(string query, string reason)
    {
        var error = Assert.Throws<SearchQuerySyntaxException>(() => SearchQueryParser.Parse(query));
        Assert.Contains(reason, error.Message);
        Assert.Contains(query, error.Message);
    }
}
