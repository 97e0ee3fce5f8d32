namespace GrokFlow.Tests.Filters;

/// <summary><c>csv</c>: grok-dialect spec section 7, every DOC row.</summary>
public sealed class CsvFilterTests
{
    [Theory]
    [InlineData("%{data::csv(\"firstname,name\")}", "John,Doe", """{"firstname":"John","name":"Doe"}""")]
    [InlineData("%{data::csv(\"firstname,name\")}", "\"John \"\"Da Man\"\"\",Doe", """{"firstname":"John \"Da Man\"","name":"Doe"}""")]
    [InlineData("%{data::csv(\"firstname,name\",\",\",\"'\")}", "'John ''Da Man''',Doe", """{"firstname":"John 'Da Man'","name":"Doe"}""")]
    [InlineData("%{data::csv(\"firstname,name\",\"|\")}", "John|Doe", """{"firstname":"John","name":"Doe"}""")]
    [InlineData("%{data::csv(\"key1,key2\")}", "value1,value2,value3", """{"key1":"value1","key2":"value2"}""")]
    [InlineData("%{data::csv(\"key1,key2,key3\")}", "value1,value2", """{"key1":"value1","key2":"value2"}""")]
    [InlineData("%{data::csv(\"key1,key2,key3\")}", "value1,,value3", """{"key1":"value1","key3":"value3"}""")]
    [InlineData("%{data::csv(\"key1,key2,key3\",\"tab\")}", "Value1\tValue2\tValue3", """{"key1":"Value1","key2":"Value2","key3":"Value3"}""")]
    [InlineData("%{data:user:csv(\"first_name,name,st_nb,st_name,city\")}", "John,Doe,120,Jefferson St.,Riverside",
        """{"user":{"first_name":"John","name":"Doe","st_nb":120,"st_name":"Jefferson St.","city":"Riverside"}}""")]
    public void DocumentationTable(string pattern, string line, string expected) => FilterAssert.Parses(pattern, line, expected);

    [Fact]
    public void NumbersAreCastAndTextIsNotTrimmed() =>
        FilterAssert.Parses("%{data::csv(\"a,b,c,d\")}", "1.5, 2,-3,\"4\"", """{"a":1.5,"b":" 2","c":-3,"d":4}""");

    [Fact]
    public void SeparatorInsideQuotesIsText() =>
        FilterAssert.Parses("%{data::csv(\"a,b\")}", "\"x,y\",z", """{"a":"x,y","b":"z"}""");

    [Fact]
    public void DottedHeadersAreNestedPaths() =>
        // nagios: csv("syslog.hostname,syslog.appname,level", ";") nests under syslog.
        FilterAssert.Parses("%{data::csv(\"syslog.hostname,syslog.appname,level\", \";\")}", "localhost;HTTP;WARNING",
            """{"syslog":{"hostname":"localhost","appname":"HTTP"},"level":"WARNING"}""");

    [Fact]
    public void EmptyQuotedValueIsOmitted() => FilterAssert.Parses("%{data::csv(\"a,b\")}", "\"\",z", """{"b":"z"}""");
}
