using System.Text;
using GrokFlow.Engine.Search;
using GrokFlow.Runtime.Routing;

namespace GrokFlow.Tests.Host;

/// <summary>Pipeline filters as the host evaluates them: over its own allocation-free view of a received line.</summary>
public sealed class PipelineRouteTests
{
    private static readonly EventTags Tags = new(["env:prod", "team:storage", "beta"]);

    private static bool Matches(string query, string service = "qnap-nas", string source = "qnap", string host = "NAS01", string status = "info",
        string message = "<30>Jun  1 10:00:00 NAS01 qlogd[1]: conn log: Users: admin, Source IP: 10.0.0.7") =>
        SearchQueryParser.Parse(query).Matches(new EventFacts(
            Encoding.UTF8.GetBytes(service), Encoding.UTF8.GetBytes(source), Encoding.UTF8.GetBytes(host), Encoding.UTF8.GetBytes(status),
            Encoding.UTF8.GetBytes(message), Tags).ToSearchEvent());

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
    [InlineData("qlogd \"conn log\"", true)]
    [InlineData("\"event log\"", false)]
    [InlineData("@http.status_code:*", false)]
    [InlineData("-@http.status_code:*", true)]
    public void FiltersMatchLikeDatadogSearch(string query, bool expected) => Assert.Equal(expected, Matches(query));

    [Theory]
    [InlineData("CIDR(host, 10.0.0.0/8)", "10.1.2.3", true)]
    [InlineData("CIDR(host, 10.0.0.0/8)", "192.168.1.1", false)]
    [InlineData("CIDR(host, 10.0.0.0/8)", "NAS01", false)]
    public void HostsGivenAsAddressesMatchNetworks(string query, string host, bool expected) => Assert.Equal(expected, Matches(query, host: host));

    [Fact]
    public void EvaluatingFiltersAllocatesNothing()
    {
        var queries = new[]
        {
            "service:qnap-nas AND env:(test OR prod) -status:error",
            "service:q?ap* OR tags:beta",
            "qlogd \"conn log\" user*",
            "CIDR(host, 10.0.0.0/8, fc00::/7) OR host:[A TO Z]",
            "-@http.status_code:* team:>s",
        }.Select(SearchQueryParser.Parse).ToArray();
        var service = "qnap-nas"u8.ToArray();
        var source = "qnap"u8.ToArray();
        var host = "10.1.2.3"u8.ToArray();
        var status = "info"u8.ToArray();
        var message = "<30>Jun  1 10:00:00 NAS01 qlogd[1]: conn log: Users: admin"u8.ToArray();
        var matched = 0;
        void EvaluateAll()
        {
            var facts = new EventFacts(service, source, host, status, message, Tags);
            foreach (var query in queries)
                if (query.Matches(facts.ToSearchEvent())) matched++;
        }
        EvaluateAll();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++) EvaluateAll();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(1001 * 5, matched);
    }
}
