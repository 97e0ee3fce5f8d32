namespace GrokFlow.Tests.Filters;

/// <summary><c>keyvalue</c>: grok-dialect spec section 6, every DOC table row and the listed edge cases.</summary>
public sealed class KeyValueFilterTests
{
    [Theory]
    // DOC table.
    [InlineData("%{data::keyvalue}", "key=valueStr", """{"key":"valueStr"}""")]
    // A leading zero with an 8 or 9 after it is not a number, exponent or not (Datadog keeps sn=004018281E114 as text).
    [InlineData("%{data::keyvalue}", "sn=004018281E114 a=07", """{"sn":"004018281E114","a":7}""")]
    // Merged at the root, a pair replaces a value captured before it (Datadog's results: calico's status "up").
    [InlineData("\\[%{word:status}\\] %{data::keyvalue}", "[INFO] status=up", """{"status":"up"}""")]
    // A quote allowed in values: nothing between the quotes is an empty value, dropped.
    [InlineData("%{data::keyvalue(\"=\", \"\\\"\")}", "a=\"\" b=\"x\"", """{"b":"x"}""")]
    [InlineData("%{data::keyvalue}", "key=<valueStr>", """{"key":"valueStr"}""")]
    [InlineData("%{data::keyvalue}", "\"key\"=\"valueStr\"", """{"key":"valueStr"}""")]
    [InlineData("%{data::keyvalue(\":\")}", "key:valueStr", """{"key":"valueStr"}""")]
    [InlineData("%{data::keyvalue(\":\", \"/\")}", "key:\"/valueStr\"", """{"key":"/valueStr"}""")]
    [InlineData("%{data::keyvalue(\":\", \"/\")}", "/key:/valueStr", """{"/key":"/valueStr"}""")]
    [InlineData("%{data::keyvalue(\":=\", \"\", \"{}\")}", "key:={valueStr}", """{"key":"valueStr"}""")]
    [InlineData("%{data::keyvalue(\"=\", \"\", \"\", \"|\")}", "key1=value1|key2=value2", """{"key1":"value1","key2":"value2"}""")]
    [InlineData("%{data::keyvalue(\"=\", \"\", \"\", \"|\")}", "key1=\"value1\"|key2=\"value2\"", """{"key1":"value1","key2":"value2"}""")]
    [InlineData("%{data::keyvalue(\":=\",\"\",\"<>\")}", "key1:=valueStr key2:=</valueStr2> key3:=\"valueStr3\"", """{"key1":"valueStr","key2":"/valueStr2"}""")]
    [InlineData("%{data::keyvalue}", "user=john connect_date=11/08/2017 id=123 action=click", """{"user":"john","id":123,"action":"click"}""")]
    public void DocumentationTable(string pattern, string line, string expected) => FilterAssert.Parses(pattern, line, expected);

    [Theory]
    [InlineData("key1= key2=null key3=value3", """{"key3":"value3"}""")]
    [InlineData("key1=,key2=null,key3= ,key4=value4", """{"key4":"value4"}""")]
    [InlineData("=,=value", "{}")]
    [InlineData("key:=valueStr", "{}")]
    public void EmptyNullAndMissingPartsAreDropped(string line, string expected) => FilterAssert.Parses("%{data::keyvalue}", line, expected);

    [Fact]
    public void ValuesAreTyped() => FilterAssert.Parses("%{data::keyvalue}",
        "float=1.2 , boolean=true , null=null    ,   string=abc , integer=11 , no=false , big=1e3 , notnumber=2.0e",
        """{"float":1.2,"boolean":true,"string":"abc","integer":11,"no":false,"big":1000,"notnumber":"2.0e"}""");

    [Theory]
    [InlineData("a=07", """{"a":7}""")]
    [InlineData("a=08", """{"a":"08"}""")]
    [InlineData("a=0.9", """{"a":0.9}""")]
    public void LeadingZeroNumbersFollowOctalDigits(string line, string expected) => FilterAssert.Parses("%{data::keyvalue}", line, expected);

    [Fact]
    public void DigitsBeyondALongStayText() =>
        // marklogic: sessionKey=11481992789033467723 is recorded as a string.
        FilterAssert.Parses("%{data::keyvalue}", "sessionKey=11481992789033467723, commit=1, big=1e30",
            """{"sessionKey":"11481992789033467723","commit":1,"big":1e30}""");

    [Fact]
    public void OneQuotingCharacterOpensAndCloses() =>
        // nagios: keyvalue("="," ",";") on "name=Core Worker 39;pid=39".
        FilterAssert.Parses("%{data::keyvalue(\"=\",\" \",\";\")}", "name=Core Worker 39;pid=39 note=;quoted text;",
            """{"name":"Core Worker 39","pid":39,"note":"quoted text"}""");

    [Fact]
    public void NullAndBooleansMustBeTheWholeValue() =>
        FilterAssert.Parses("%{data::keyvalue}", "a=nullable b=trueish", """{"a":"nullable","b":"trueish"}""");

    [Theory]
    [InlineData("key = valueStr")]
    [InlineData("key= valueStr")]
    [InlineData("key =valueStr")]
    public void SpacesAroundTheSeparatorAreNotAllowed(string line) => FilterAssert.Parses("%{data::keyvalue}", line, "{}");

    [Fact]
    public void SpaceInTheAllowListAllowsSpacedValuesAndTrimsThem() =>
        FilterAssert.Parses("%{data::keyvalue(\"=\",\" \")}", "key1=value1, key2 = value 2 ", """{"key1":"value1","key2":"value 2"}""");

    [Fact]
    public void KeysWithASpaceAreIgnored() => FilterAssert.Parses("%{data::keyvalue(\"=\",\" \")}", "a key=value", "{}");

    [Fact]
    public void RepeatedKeysKeepTheLastValue() => FilterAssert.Parses("%{data::keyvalue}", "a=1, a=1, a=2", """{"a":2}""");

    [Fact]
    public void AQuotedBlankValueIsKeptEmpty() => FilterAssert.Parses("%{data::keyvalue(\":\")}", "a:\" \"; b:\"x\"; c:", """{"a":"","b":"x"}""");

    [Fact]
    public void DottedKeysAreNestedPaths() =>
        FilterAssert.Parses("%{data::keyvalue}", "db.name=my_db,db.operation=insert", """{"db":{"name":"my_db","operation":"insert"}}""");

    [Fact]
    public void DefaultDelimitersAndQuotes() =>
        FilterAssert.Parses("%{data::keyvalue}", " , key1=value1 \"key2\"=\"value2\",key3=value3;'key4'='value 4' (key5=v5)",
            """{"key1":"value1","key2":"value2","key3":"value3","key4":"value 4","key5":"v5"}""");

    [Fact]
    public void SecondArgumentIsTheAllowListNotTheDelimiter() => FilterAssert.Parses("%{data::keyvalue(\": \",\",\")}",
        "client: 217.92.148.44, server: localhost, request: \"HEAD http://174.138.82.103:80/sql/sql-admin/ HTTP/1.1\", host: \"174.138.82.103\"",
        """{"client":"217.92.148.44","server":"localhost","request":"HEAD http://174.138.82.103:80/sql/sql-admin/ HTTP/1.1","host":"174.138.82.103"}""");

    [Fact]
    public void AllowListTakesRegexClassEscapes() =>
        FilterAssert.Parses("%{data::keyvalue(\"=\", \"\\\\w.\\\\-_@:\")}", "IN=eth0 OUT= MAC=00:11", """{"IN":"eth0","MAC":"00:11"}""");

    [Fact]
    public void QuotedNumbersStayText() => FilterAssert.Parses("%{data::keyvalue}", "a=\"42\" b=42", """{"a":"42","b":42}""");

    [Fact]
    public void UnderAPathTheObjectIsNested() =>
        FilterAssert.Parses("%{data:my_attribute:keyvalue}", "user=john id=123", """{"my_attribute":{"user":"john","id":123}}""");

    [Fact]
    public void NonAsciiValuesAreWordCharacters() => FilterAssert.Parses("%{data::keyvalue}", "user=josé city=Zürich", """{"user":"josé","city":"Zürich"}""");
}
