namespace GrokFlow.Tests.Filters;

/// <summary><c>rubyhash</c>: hash-rocket, symbol and <c>key:</c> forms, nested values, nil.</summary>
public sealed class RubyHashFilterTests
{
    [Fact]
    public void PeerExample() => FilterAssert.Parses("%{data:field:rubyhash}", "{hello=>\"world\",'number'=>42.0}", """{"field":{"hello":"world","number":42.0}}""");

    [Fact]
    public void AllForms() => FilterAssert.Parses("%{data::rubyhash}",
        "{name => \"John\", :id => 42, \"job\" => {\"title\" => 'dev \\'x\\'', \"boss\" => nil}, tags: [1, 2.5, :sym, true], \"a.b\" => \"c\", esc => \"l1\\nl2\"}",
        """{"name":"John","id":42,"job":{"title":"dev 'x'"},"tags":[1,2.5,"sym",true],"a":{"b":"c"},"esc":"l1\nl2"}""");

    [Theory]
    [InlineData("{a => }")]
    [InlineData("{a => 1")]
    [InlineData("not a hash")]
    [InlineData("{a 1}")]
    public void MalformedHashGivesNothing(string line) => FilterAssert.Parses("%{data:f:rubyhash}", line, "{}");
}
