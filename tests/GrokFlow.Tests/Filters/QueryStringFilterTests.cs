namespace GrokFlow.Tests.Filters;

/// <summary><c>querystring</c> and <c>decodeuricomponent</c>.</summary>
public sealed class QueryStringFilterTests
{
    [Theory]
    [InlineData("foo=bar", """{"f":{"foo":"bar"}}""")]
    [InlineData("?a=1&b=2", """{"f":{"a":"1","b":"2"}}""")]
    [InlineData("a=1&a=2&a=3", """{"f":{"a":["1","2","3"]}}""")]
    [InlineData("flag&a=x%20y+z&empty=&=v", """{"f":{"a":"x y z"}}""")]
    [InlineData("utm%5Bsource%5D=mail&p.q=1", """{"f":{"utm[source]":"mail","p":{"q":"1"}}}""")]
    public void QueryString(string line, string expected) => FilterAssert.Parses("%{data:f:querystring}", line, expected);

    [Fact]
    public void QueryStringMergesAtTheRoot() => FilterAssert.Parses("%{notSpace:path}\\?%{data::querystring}", "/a?b=1&c=2", """{"path":"/a","b":"1","c":"2"}""");

    [Theory]
    [InlineData("%2Fservice%2Ftest", "/service/test")]
    [InlineData("a+b%20c", "a+b c")]
    [InlineData("100%", "100%")]
    [InlineData("%zz%e2%82%ac", "%zz€")]
    public void DecodeUriComponent(string line, string expected) =>
        FilterAssert.Parses("%{data:f:decodeuricomponent}", line, $$"""{"f":"{{expected}}"}""");

    [Fact]
    public void DecodeUriComponentAtTheRootIsDiscarded() => FilterAssert.Parses("%{notSpace:x} %{data::decodeuricomponent}", "a %2F", """{"x":"a"}""");
}
