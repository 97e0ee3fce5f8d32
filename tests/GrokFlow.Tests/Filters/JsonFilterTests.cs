namespace GrokFlow.Tests.Filters;

/// <summary><c>json</c> and the root merge <c>%{data::json}</c>.</summary>
public sealed class JsonFilterTests
{
    [Fact]
    public void ObjectUnderAPath() =>
        FilterAssert.Parses("%{data:field:json}", """{"a":"x","n":12,"f":1.5,"b":true,"arr":[1,"two",null,{}],"o":{"p":{"q":1}}}""",
            """{"field":{"a":"x","n":12,"f":1.5,"b":true,"arr":[1,"two",null,{}],"o":{"p":{"q":1}}}}""");

    [Fact]
    public void RootMergeAddsTheKeysAtTheTopLevel() =>
        FilterAssert.Parses("%{word:vm} %{data::json}", """vagrant {"method":"GET", "status_code":200}""", """{"vm":"vagrant","method":"GET","status_code":200}""");

    [Fact]
    public void TwoRootObjectsMerge() => FilterAssert.Parses("%{notSpace:standalone_field} '%{data::json}' '%{data::json}' %{number::number}",
        """value1 '{ "json_field1": "value2" }' '{ "json_field2": "value3" }' 3""",
        """{"standalone_field":"value1","json_field1":"value2","json_field2":"value3"}""");

    [Fact]
    public void ObjectsUnderTheSamePathMakeAnArrayNotAMerge() => FilterAssert.Parses("'%{data:nested.json:json}' '%{data:nested.json:json}'",
        """'{ "json_field1": "value2" }' '{ "json_field2": "value3" }'""",
        """{"nested":{"json":[{"json_field1":"value2"},{"json_field2":"value3"}]}}""");

    // A key the merged object also holds replaces the value captured before it: Datadog's results give calico's
    // `[INFO] … status="up"` (a root key-value merge) the status "up", not an array.
    [Fact]
    public void RootMergeJoinsStaticPathsAndReplacesAValueAlreadyThere() => FilterAssert.Parses("%{word:http.method} %{word:level} %{data::json}",
        """GET info {"http":{"status":200},"level":"warn"}""",
        """{"http":{"method":"GET","status":200},"level":"warn"}""");

    // weave-npc: the JSON's `status` object is recorded over the `DEBU` captured before it.
    [Fact]
    public void RootMergeReplacesAValueWithAnObject() => FilterAssert.Parses("%{word:status}: %{data::json}",
        """DEBU: {"status":{"phase":"Pending"},"a":1}""",
        """{"status":{"phase":"Pending"},"a":1}""");

    // weave-npc: two pod objects side by side are recorded as the first, as Jackson reads a tree (trailing tokens ignored).
    [Theory]
    [InlineData("{\"a\":1} {\"a\":2}")]
    [InlineData("{\"a\":1} trailing")]
    [InlineData("{\"a\":1}}")]
    public void TextAfterTheFirstValueIsIgnored(string text)
    {
        FilterAssert.Parses("%{data::json}", text, """{"a":1}""");
        FilterAssert.Parses("%{data:field:json}", text, """{"field":{"a":1}}""");
    }

    [Fact]
    public void ObjectValueAndDeeperPathMerge() => FilterAssert.Parses("%{notSpace:a:json} %{word:a.c}", """{"b":1} x""", """{"a":{"b":1,"c":"x"}}""");

    [Fact]
    public void StructuredValueBesideAScalarUnderTheSameParent() =>
        FilterAssert.Parses("%{notSpace:a.b:json} %{word:a.c}", """{"x":1} y""", """{"a":{"b":{"x":1},"c":"y"}}""");

    [Fact]
    public void DottedKeysNest() => FilterAssert.Parses("%{data::json}", """{"a.b": "c", "a": {"d": 1}}""", """{"a":{"b":"c","d":1}}""");

    [Fact]
    public void EmptyArraysAreRemovedButArraysKeepTheirElements() =>
        // ivanti_connect_secure: "additional_details":[] is not in Datadog's recorded result.
        FilterAssert.Parses("%{data::json}", """{"a":[],"b":{"c":[]},"d":[[],{}],"e":""}""", """{"d":[[],{}],"e":""}""");

    [Fact]
    public void EmptyObjectsAndNullsAreRemovedRecursively() =>
        FilterAssert.Parses("%{data:field:json}", """{"root": {"object": {"empty": {}}, "gone": null, "string": "abc" }}""", """{"field":{"root":{"string":"abc"}}}""");

    [Theory]
    [InlineData("not a json")]
    [InlineData("{\"a\":")]
    public void InvalidJsonGivesNothing(string text)
    {
        FilterAssert.Parses("%{data::json}", text, "{}");
        FilterAssert.Parses("%{data:field:json}", text, "{}");
    }

    [Fact]
    public void NonObjectAtTheRootIsDiscardedButKeptUnderAPath()
    {
        FilterAssert.Parses("%{notSpace:x} %{data::json}", "a [1,2]", """{"x":"a"}""");
        FilterAssert.Parses("%{notSpace:x} %{data:y:json}", "a [1,2]", """{"x":"a","y":[1,2]}""");
        FilterAssert.Parses("%{data:y:json}", "\"text\"", """{"y":"text"}""");
    }

    [Fact]
    public void EscapedStringsAndKeysAreDecoded() =>
        FilterAssert.Parses("%{data:f:json}", """{"k\u00e9y":"line\nnext \"q\" \u00e9"}""", """{"f":{"kéy":"line\nnext \"q\" é"}}""");

    [Fact]
    public void HugeNumbersKeepTheirText() => FilterAssert.Parses("%{data:f:json}", """{"n":1e999,"i":123456789012345678901}""", """{"f":{"n":"1e999","i":123456789012345678901}}""");
}
