using System.Text.Json.Nodes;
using GrokFlow.Language.Compilation;
using GrokFlow.Engine.Matching;
using GrokFlow.Language.Diagnostics;
using GrokFlow.Tooling.Interpretation;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Interpretation;

public sealed class InterpretedPipelineTests
{
    private static void AssertOutput(string expectedJson, JsonObject actual) =>
        Assert.Null(JsonEquivalence.Difference(JsonNode.Parse(expectedJson), actual));

    [Fact]
    public void FirstMatchingRuleWinsAndIsReported()
    {
        var pipeline = GrokHarness.Load(GrokHarness.RulesText(
        [
            ("numbers", "%{integer:n}"),
            ("words", "%{word:w}"),
            ("anything", "%{data:d}"),
        ]));

        var (result, output) = GrokHarness.Run(pipeline, "hello");

        Assert.Equal(new GrokResult(GrokStatus.Matched, 1, "words"), result);
        AssertOutput("""{"w":"hello"}""", output);
    }

    [Fact]
    public void EachGrokParserOfAPipelineAppliesItsFirstMatchingRule()
    {
        var pipeline = GrokHarness.Load("""
            pipeline two {
              grok message {
                match {
                  first %{word:a} %{word:b}
                }
              }
              grok message {
                match {
                  never %{integer:n}
                  second %{word:c} %{notSpace}
                }
              }
            }
            """);

        var (both, bothOutput) = GrokHarness.Run(pipeline, "x y");
        var (secondOnly, secondOutput) = GrokHarness.Run(pipeline, "x -");

        Assert.Equal(new GrokResult(GrokStatus.Matched, 0, "first"), both);
        AssertOutput("""{"a":"x","b":"y","c":"x"}""", bothOutput);
        Assert.Equal(new GrokResult(GrokStatus.Matched, 2, "second"), secondOnly);
        AssertOutput("""{"c":"x"}""", secondOutput);
    }

    [Fact]
    public void NoMatchWritesNothing()
    {
        var (result, output) = GrokHarness.RunRule("%{integer:n}", "12 and more");
        Assert.Equal(GrokResult.NoMatch, result);
        Assert.Empty(output);
    }

    [Fact]
    public void HelpersAndPipelineMetadataComeFromTheRulesFile()
    {
        var rules = """
            pipeline qnap "QNAP NAS" {
              filter "service:qnap-nas"
              grok message {
                match {
                  conn %{prefix} %{word:user}
                }
                helpers {
                  prefix \<%{number:priority}\>%{ipOrHost:host}:
                }
              }
            }
            """;
        var pipeline = GrokHarness.Load(rules);

        var (result, output) = GrokHarness.Run(pipeline, "<30>nas.local: admin");

        Assert.Equal(("qnap", "QNAP NAS", "service:qnap-nas"), (pipeline.Id, pipeline.Title, pipeline.Filter));
        Assert.True(result.Matched);
        AssertOutput("""{"priority":30,"host":"nas.local","user":"admin"}""", output);
    }

    [Fact]
    public void WordCharactersAndBoundariesAreAscii()
    {
        // .NET's \w and \b are Unicode: 'é' would be a word character and "café" one word.
        var (result, output) = GrokHarness.RunRule("%{word:w}%{data:rest}", "café");
        Assert.True(result.Matched);
        AssertOutput("""{"w":"caf","rest":"é"}""", output);
    }

    [Fact]
    public void CaptureOffsetsAreUtf8ByteOffsets()
    {
        var (result, output) = GrokHarness.RunRule("日本 %{word:x} %{notSpace:y}", "日本 abc ü😀z");
        Assert.True(result.Matched);
        AssertOutput("""{"x":"abc","y":"ü😀z"}""", output);
    }

    [Fact]
    public void ASetMatchesOneCodePointEvenAboveTheBasicPlane()
    {
        var (dot, dotOutput) = GrokHarness.RunRule("%{regex(\".\"):c}x", "😀x");
        var (negated, negatedOutput) = GrokHarness.RunRule("%{regex(\"[^a]\"):c}", "😀");
        Assert.True(dot.Matched);
        Assert.True(negated.Matched);
        AssertOutput("""{"c":"😀"}""", dotOutput);
        AssertOutput("""{"c":"😀"}""", negatedOutput);
    }

    [Fact]
    public void PossessiveRepeatsDoNotGiveBack()
    {
        Assert.True(GrokHarness.RunRule("%{regex(\"a+a\"):x}", "aaa").Result.Matched);
        Assert.False(GrokHarness.RunRule("%{regex(\"a++a\"):x}", "aaa").Result.Matched);
    }

    [Fact]
    public void TheRuleMustMatchTheWholeLineAndDataSpansNewlines()
    {
        Assert.False(GrokHarness.RunRule("%{word:w}", "two words").Result.Matched);
        var (result, output) = GrokHarness.RunRule("%{word:w} %{data:rest}", "first line\nsecond");
        Assert.True(result.Matched);
        AssertOutput("""{"w":"first","rest":"line\nsecond"}""", output);
    }

    [Fact]
    public void InlineFlagsReachIntoMatchersAndHelpers()
    {
        Assert.False(GrokHarness.RunRule("(?-s)%{data:f}", "a\nb").Result.Matched);
        Assert.False(GrokHarness.RunRule("(?-s)%{anything}", "a\nb", ("anything", "%{data:f}")).Result.Matched);
        var (result, output) = GrokHarness.RunRule("(?i)%{regex(\"abc\"):x}", "ABC");
        Assert.True(result.Matched);
        AssertOutput("""{"x":"ABC"}""", output);
    }

    [Fact]
    public void DottedRuleAndHelperNamesCanBeReferenced()
    {
        var pipeline = GrokHarness.Load(GrokHarness.RulesText(
            [("access.common", "%{word:method} %{notSpace:url}"), ("access.combined", "%{access.common} %{helper.with.dots}")],
            [("helper.with.dots", "%{integer:status}")]));

        var (result, output) = GrokHarness.Run(pipeline, "GET /index.html 200");

        Assert.Equal("access.combined", result.RuleName);
        AssertOutput("""{"method":"GET","url":"/index.html","status":200}""", output);
    }

    [Fact]
    public void AlternationOnlyExtractsTheBranchThatMatched()
    {
        const string rule = "(%{integer:user.id}|%{word:user.firstname}) connected";
        AssertOutput("""{"user":{"id":12345}}""", GrokHarness.RunRule(rule, "12345 connected").Output);
        AssertOutput("""{"user":{"firstname":"john"}}""", GrokHarness.RunRule(rule, "john connected").Output);
    }

    [Fact]
    public void CatastrophicBacktrackingIsReportedAsBudgetExceeded()
    {
        var compiled = RulesCompiler.Compile(GrokHarness.RulesText([("slow", "(a|aa)*c")]));
        Assert.False(compiled.HasErrors);
        var pipeline = InterpretedPipeline.Create(compiled.Pipelines[0], TimeSpan.FromMilliseconds(20));

        var (result, output) = GrokHarness.Run(pipeline, new string('a', 60) + "b");

        Assert.Equal(GrokStatus.BudgetExceeded, result.Status);
        Assert.Empty(output);
    }

    [Fact]
    public void LoadReportsDiagnosticsInsteadOfPipelines()
    {
        var loaded = RulesInterpreter.Load(GrokHarness.RulesText([("bad", "%{nosuchmatcher:x}")]));
        Assert.True(loaded.HasErrors);
        Assert.Empty(loaded.Pipelines);
        Assert.Equal(DiagnosticCodes.UnknownMatcher, Assert.Single(loaded.Diagnostics).Code);
    }

    [Fact]
    public void TranslatedRegexSpellsOutAsciiClassesAndNamedSlots()
    {
        var compiled = RulesCompiler.Compile(GrokHarness.RulesText([("r", @"%{word:w}\s\d")]));
        var pattern = RegexTranslator.Translate(compiled.Pipelines[0].Parsers[0].Rules[0].Root);
        Assert.StartsWith(@"\A(?:", pattern);
        Assert.EndsWith(@")\z", pattern);
        Assert.Contains("(?<g0>", pattern);
        Assert.Contains(@"[0-9A-Z\u005Fa-z]", pattern);
        Assert.Contains("[0-9]", pattern);
        Assert.DoesNotContain(@"\w", pattern);
        Assert.DoesNotContain(@"\b", pattern);
    }
}
