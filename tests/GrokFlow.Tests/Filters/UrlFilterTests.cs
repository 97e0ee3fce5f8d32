namespace GrokFlow.Tests.Filters;

/// <summary><c>url</c>: Datadog URL parser shape.</summary>
public sealed class UrlFilterTests
{
    [Theory]
    [InlineData("https://app.datadoghq.com:8443/logs/pipelines?a=1&b=x%20y#top",
        """{"u":{"scheme":"https","host":"app.datadoghq.com","port":8443,"path":"/logs/pipelines","queryString":{"a":"1","b":"x%20y"},"hash":"top"}}""")]
    [InlineData("http://user:secret@example.com", """{"u":{"scheme":"http","host":"example.com","path":""}}""")]
    [InlineData("http://[::1]:80/x", """{"u":{"scheme":"http","host":"[::1]","port":80,"path":"/x"}}""")]
    [InlineData("/datadoghq/company?test=var1%20Pl", """{"u":{"path":"/datadoghq/company","queryString":{"test":"var1%20Pl"}}}""")]
    [InlineData("http://example.com:notaport/", "{}")]
    public void Parts(string line, string expected) => FilterAssert.Parses("%{data:u:url}", line, expected);

    [Fact]
    public void TextWithSpacesIsNotAUrl() => FilterAssert.Parses("%{data:u:url}", "not a url", "{}");
}
