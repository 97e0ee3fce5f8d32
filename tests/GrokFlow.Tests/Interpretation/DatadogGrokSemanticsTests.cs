using System.Text.Json.Nodes;
using GrokFlow.Engine.Processing;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Interpretation;

/// <summary>
/// Grok semantics measured on Datadog's recorded production results (shared/conformance/datadog-pipelines.jsonl), run
/// through the interpreter and through the generated parser, which must agree.
/// </summary>
public sealed class DatadogGrokSemanticsTests(GeneratedPipelinesFixture generated)
{
    private void AssertBoth(string rulesText, string line, string expectedJson)
    {
        var expected = JsonNode.Parse(expectedJson);
        var (interpretedResult, interpreted) = GrokHarness.Run(GrokHarness.Load(rulesText), line);
        Assert.True(interpretedResult.Matched, $"the interpreter did not match '{line}'");
        Assert.Null(JsonEquivalence.Difference(expected, interpreted));
        var (generatedResult, output) = GrokHarness.Run(generated.Compile(rulesText)["test"], line);
        Assert.True(generatedResult.Matched, $"the generated parser did not match '{line}'");
        Assert.Null(JsonEquivalence.Difference(expected, output));
    }

    [Theory]
    // gearmand: "   INFO 2020-09-17 ..." matches a rule starting with %{word:level}.
    [InlineData("   INFO main", """{"level":"INFO","thread":"main"}""")]
    // postfix and calico: lines ending in a space match rules ending in \].
    [InlineData("INFO main \t\n", """{"level":"INFO","thread":"main"}""")]
    public void TheSourceValueIsTrimmedBeforeMatching(string line, string expected) =>
        AssertBoth(GrokHarness.RulesText([("rule", "%{word:level} %{notSpace:thread}")]), line, expected);

    [Fact]
    public void AParserOfAnotherAttributeTrimsItsValueToo()
    {
        // The grok parser of a pipeline with processors runs alone on its source attribute (ParseWith).
        const string rules = "pipeline test {\n  grok level {\n    match {\n      rule %{word:severity}\n    }\n  }\n}\n";
        var interpreted = GrokHarness.RunParser(GrokHarness.Load(rules), 0, "  WARN \t");
        var compiled = (IGrokParserSet)generated.Compile(rules)["test"];
        var fromGenerated = GrokHarness.RunParser(compiled, 0, "  WARN \t");
        foreach (var (result, output) in new[] { interpreted, fromGenerated })
        {
            Assert.True(result.Matched);
            Assert.Null(JsonEquivalence.Difference(JsonNode.Parse("""{"severity":"WARN"}"""), output));
        }
    }

    [Fact]
    public void ATrailingDataCaptureHoldsNoTrailingWhiteSpace() =>
        // symantec_endpoint_protection: "Site: My Site" followed by tabs is recorded without them.
        AssertBoth(GrokHarness.RulesText([("rule", "x=%{data:x}")]), "x=Site: My Site\t\t\t", """{"x":"Site: My Site"}""");

    [Theory]
    // symantec_endpoint_protection: helper `scan_results ?((Scan Complete|…)…)` used as `,%{scan_results}?,`; the
    // leading `?` quantifies the comma before the reference, as Datadog splices helper text into the rule.
    [InlineData("a,Done 5,b", """{"n":5}""")]
    [InlineData("aDone 5,b", """{"n":5}""")]
    [InlineData("a,b", "{}")]
    public void AHelperThatIsNoPatternOnItsOwnIsSplicedAsText(string line, string expected) =>
        AssertBoth(GrokHarness.RulesText([("rule", "a,%{h}?,b")], [("h", "?(Done %{integer:n})")]), line, expected);

    [Fact]
    public void AMatchRuleMayReferenceOneDefinedBelow() =>
        // strimzi: its first rule references its last.
        AssertBoth(GrokHarness.RulesText([("first", "%{word:stream} %{last}"), ("last", "%{integer:n} end")]),
            "stdout 42 end", """{"stream":"stdout","n":42}""");

    [Fact]
    public void AQuestionMarkAndGreaterThanBeforeTheMatcherAreIgnored() =>
        // mysql: \[%{?>notSpace:db.severity}\] on "[Warning]" extracts "Warning" (an atomic notSpace could not).
        AssertBoth(GrokHarness.RulesText([("rule", "\\[%{?>notSpace:db.severity}\\]")]), "[Warning]", """{"db":{"severity":"Warning"}}""");

    [Fact]
    public void NoRuleMatchesOnlyWhiteSpaceAroundNothing()
    {
        var (result, _) = GrokHarness.Run(GrokHarness.Load(GrokHarness.RulesText([("rule", "%{word:w}")])), "  \t ");
        Assert.Equal(GrokStatus.NoMatch, result.Status);
    }
}
