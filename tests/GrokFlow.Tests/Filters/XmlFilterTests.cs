namespace GrokFlow.Tests.Filters;

/// <summary><c>xml</c>: the DOC examples and the edge cases of the parser.</summary>
public sealed class XmlFilterTests
{
    [Fact]
    public void DocumentationBook() => FilterAssert.Parses("%{data::xml}",
        "<book category=\"CHILDREN\">\n  <title lang=\"en\">Harry Potter</title>\n  <author>J K. Rowling</author>\n  <year>2005</year>\n</book>",
        """{"book":{"year":"2005","author":"J K. Rowling","category":"CHILDREN","title":{"lang":"en","value":"Harry Potter"}}}""");

    [Fact]
    public void RepeatedTagsMakeAnArray() => FilterAssert.Parses("%{data::xml}",
        "<bookstore><book>Harry Potter</book><book>Everyday Italian</book></bookstore>", """{"bookstore":{"book":["Harry Potter","Everyday Italian"]}}""");

    [Fact]
    public void PrologCommentsCdataAndEntities() => FilterAssert.Parses("%{data:x:xml}",
        "<?xml version=\"1.0\"?><!-- c --><a t='1 &amp; 2'><b><![CDATA[<raw>]]></b><c>&lt;&#65;&#x42;&gt;</c><!-- d --><e/></a>",
        """{"x":{"a":{"t":"1 & 2","b":"<raw>","c":"<AB>"}}}""");

    [Theory]
    [InlineData("<a><b></a>")]
    [InlineData("<a>text")]
    [InlineData("not xml")]
    [InlineData("<a/><b/>")]
    public void MalformedXmlGivesNothing(string line) => FilterAssert.Parses("%{data:x:xml}", line, "{}");
}
