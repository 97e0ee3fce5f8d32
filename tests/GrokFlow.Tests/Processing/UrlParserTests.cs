namespace GrokFlow.Tests.Processing;

public sealed class UrlParserTests
{
    [Fact]
    public void Splits_the_default_source_into_the_default_target()
    {
        var e = ProcessorHarness.Run("  url-parser {\n  }", """{"http":{"url":"https://example.com:8443/a/b?x=1&y=z#frag"}}""");
        Assert.Equal("""{"scheme":"https","port":8443,"host":"example.com","path":"/a/b","queryString":{"x":"1","y":"z"},"hash":"frag"}""".Length,
            e.Attributes["http"]!["url_details"]!.ToJsonString().Length);
        Assert.Equal("example.com", e.Attributes["http"]!["url_details"]!["host"]!.GetValue<string>());
        Assert.Equal(8443, (int)e.Attributes["http"]!["url_details"]!["port"]!);
        Assert.Equal("z", e.Attributes["http"]!["url_details"]!["queryString"]!["y"]!.GetValue<string>());
    }

    [Fact]
    public void A_relative_url_gives_its_path_and_text_that_is_no_url_changes_nothing()
    {
        var e = ProcessorHarness.Run("  url-parser {\n    sources u\n    target d\n  }", """{"u":"/admin/send.action"}""");
        Assert.Equal("""{"u":"/admin/send.action","d":{"path":"/admin/send.action"}}""", e.Json());
        Assert.Equal("""{"u":"not a url"}""", ProcessorHarness.Run("  url-parser {\n    sources u\n    target d\n  }", """{"u":"not a url"}""").Json());
    }

    [Fact]
    public void A_url_without_a_path_has_an_empty_path_and_the_host_is_lower_case()
    {
        var e = ProcessorHarness.Run("  url-parser {\n    sources u\n    target d\n  }", """{"u":"https://myCampaignUrl.net"}""");
        Assert.Equal("""{"scheme":"https","host":"mycampaignurl.net","path":""}""", e.Attributes["d"]!.ToJsonString());
    }
}
