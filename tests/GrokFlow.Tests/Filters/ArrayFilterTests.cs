namespace GrokFlow.Tests.Filters;

/// <summary><c>array</c>: grok-dialect spec section 7, every argument form, brackets optional as in Datadog.</summary>
public sealed class ArrayFilterTests
{
    [Theory]
    [InlineData("%{data:f:array}", "[1,2]", """{"f":["1","2"]}""")]
    [InlineData("%{data:f:array}", "[ 1 ,2]", """{"f":[" 1 ","2"]}""")]
    [InlineData("%{data:f:array}", "[\"1,2\"]", """{"f":["\"1","2\""]}""")]
    [InlineData("%{data:f:array(integer)}", "[1,2]", """{"f":[1,2]}""")]
    [InlineData("%{data:f:array(\";\", integer)}", "[1;2]", """{"f":[1,2]}""")]
    // nullIf makes a null element, kept (Datadog's results: ["ZeroFox Platform Specialist", null]).
    [InlineData("%{data:f:array(\",\", nullIf(\"\"))}", "a,", """{"f":["a",null]}""")]
    [InlineData("%{data:f:array(\"{}\",\";\", integer)}", "{1;2}", """{"f":[1,2]}""")]
    [InlineData("%{data:f:array(scale(10))}", "[1,2.1]", """{"f":[10,21]}""")]
    [InlineData("%{data:f:array(\"\",\"-\")}", "1-2", """{"f":["1","2"]}""")]
    [InlineData("%{data:f:array(\"|\",\",\")}", "|a,b|", """{"f":["a","b"]}""")]
    [InlineData("%{data:f:array(\"\\\\t\")}", "[1\t2]", """{"f":["1","2"]}""")]
    [InlineData("%{data:f:array(\"[]\",\"\\\\n\")}", "[1\n2]", """{"f":["1","2"]}""")]
    [InlineData("%{data:f:array(\"\\\\r\")}", "[1\r2]", """{"f":["1","2"]}""")]
    [InlineData("%{data:f:array(\"{}\",\"-\", uppercase)}", "{John-Oliver}", """{"f":["JOHN","OLIVER"]}""")]
    [InlineData("%{data:f:array(\"[]\",\", \")}", "[a, b, c]", """{"f":["a","b","c"]}""")]
    public void ArgumentForms(string pattern, string line, string expected) => FilterAssert.Parses(pattern, line, expected);

    [Theory]
    [InlineData("HIPAA", """{"z":["HIPAA"]}""")]
    [InlineData("Credit Cards|Gambling|MRN Numbers", """{"z":["Credit Cards","Gambling","MRN Numbers"]}""")]
    public void BracketsAreOptional(string line, string expected) => FilterAssert.Parses("%{data:z:array(\"[]\",\"|\")}", line, expected);

    [Fact]
    public void AFailingElementDropsTheField() => FilterAssert.Parses("%{data:f:array(scale(10))}", "[a,b]", "{}");

    [Fact]
    public void EmptyBracketsGiveNothing() => FilterAssert.Parses("%{data:f:array}", "[]", "{}");

    [Fact]
    public void EmptyElementsAreKeptWithoutAFilter() => FilterAssert.Parses("%{data:f:array}", "[a,,b]", """{"f":["a","","b"]}""");

    [Fact]
    public void StructuredElementFilter() =>
        FilterAssert.Parses("%{data:f:array(\"[]\",\"|\", keyvalue)}", "[a=1|b=x]", """{"f":[{"a":1},{"b":"x"}]}""");
}
