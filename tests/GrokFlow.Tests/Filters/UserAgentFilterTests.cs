namespace GrokFlow.Tests.Filters;

/// <summary><c>useragent</c>: what ua-parser's database (uap-core 0.18.0) gives for common agents, in the shape of
/// Datadog's recorded results (browser <c>patch_minor</c>, device brands and models, Datadog's device category).</summary>
public sealed class UserAgentFilterTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/55.0.2883.87 Safari/537.36",
        """{"ua":{"browser":{"family":"Chrome","major":"55","minor":"0","patch":"2883","patch_minor":"87"},"os":{"family":"Linux"},"device":{"family":"Other","category":"Desktop"}}}""")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_10_1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/40.0.2214.111 Safari/537.36",
        """{"ua":{"browser":{"family":"Chrome","major":"40","minor":"0","patch":"2214","patch_minor":"111"},"os":{"family":"Mac OS X","major":"10","minor":"10","patch":"1"},"device":{"family":"Mac","category":"Desktop","brand":"Apple","model":"Mac"}}}""")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 16_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.1 Mobile/15E148 Safari/604.1",
        """{"ua":{"browser":{"family":"Mobile Safari","major":"16","minor":"1"},"os":{"family":"iOS","major":"16","minor":"1"},"device":{"family":"iPhone","category":"Mobile","brand":"Apple","model":"iPhone"}}}""")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91",
        """{"ua":{"browser":{"family":"Edge","major":"120","minor":"0","patch":"2210","patch_minor":"91"},"os":{"family":"Windows","major":"10"},"device":{"family":"Other","category":"Desktop"}}}""")]
    [InlineData("Mozilla/5.0 (Linux; Android 13; SM-S901B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/112.0.0.0 Mobile Safari/537.36",
        """{"ua":{"browser":{"family":"Chrome Mobile","major":"112","minor":"0","patch":"0","patch_minor":"0"},"os":{"family":"Android","major":"13"},"device":{"family":"Samsung SM-S901B","category":"Mobile","brand":"Samsung","model":"SM-S901B"}}}""")]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        """{"ua":{"browser":{"family":"Googlebot","major":"2","minor":"1"},"os":{"family":"Other"},"device":{"family":"Spider","category":"Bot","brand":"Spider","model":"Desktop"}}}""")]
    [InlineData("curl/7.64.1", """{"ua":{"browser":{"family":"curl","major":"7","minor":"64","patch":"1"},"os":{"family":"Other"},"device":{"family":"Other","category":"Other"}}}""")]
    [InlineData("Mozilla/5.0 (Windows NT 6.1; Trident/7.0; rv:11.0) like Gecko",
        """{"ua":{"browser":{"family":"IE","major":"11","minor":"0"},"os":{"family":"Windows","major":"7"},"device":{"family":"Other","category":"Desktop"}}}""")]
    public void Families(string line, string expected) => FilterAssert.Parses("%{data:ua:useragent}", line, expected);

    [Fact]
    public void DecodesFirstWhenAsked() => FilterAssert.Parses("%{data:ua:useragent(true)}", "curl%2F8.1.2",
        """{"ua":{"browser":{"family":"curl","major":"8","minor":"1","patch":"2"},"os":{"family":"Other"},"device":{"family":"Other","category":"Other"}}}""");

    [Fact]
    public void MergesAtTheRoot() => FilterAssert.Parses("%{data::useragent}", "Wget/1.21",
        """{"browser":{"family":"Wget","major":"1","minor":"21"},"os":{"family":"Other"},"device":{"family":"Other","category":"Other"}}""");

    [Fact]
    public void EncodedUserAgentsReadPlusAsASpace() => FilterAssert.Parses("%{data:ua:useragent(true)}", "Mozilla/4.0+(compatible;MSIE+5.5;+Windows+2000+Server)",
        """{"ua":{"browser":{"family":"IE","major":"5","minor":"5"},"os":{"family":"Windows","major":"2000"},"device":{"family":"Other","category":"Desktop"}}}""");
}
