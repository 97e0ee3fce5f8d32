using GrokFlow.Language.Compilation;
using GrokFlow.Language.Diagnostics;
using GrokFlow.Language.Model;
using GrokFlow.Language.Syntax;

namespace GrokFlow.Tests.Dsl;

public sealed class RulesFileParserTests
{
    private const string Qnap = """
        # a comment line
        pipeline qnap "QNAP NAS" {
          filter "service:qnap-nas"
          grok message {
            match {
              QNAP_Conn %{QNAP_initial} %{word:user}
              # a comment inside match
              QNAP_Event %{QNAP_initial} event
            }
            helpers {
              QNAP_initial \<%{number:priority}\>\s+%{ipOrHost:host}\:
            }
          }
        }
        """;

    [Fact]
    public void ParsesPipelineStructureWithVerbatimPatterns()
    {
        var file = RulesFileParser.Parse(Qnap, out var error);
        Assert.Null(error);
        var pipeline = Assert.Single(file!.Pipelines);
        Assert.Equal("qnap", pipeline.Id);
        Assert.Equal("QNAP NAS", pipeline.Title);
        Assert.Equal("service:qnap-nas", pipeline.Filter);
        var grok = Assert.Single(pipeline.Parsers);
        Assert.Equal("message", grok.SourceAttribute);
        Assert.Equal(["QNAP_Conn", "QNAP_Event"], grok.MatchRules.Select(r => r.Name));
        Assert.Equal(@"\<%{number:priority}\>\s+%{ipOrHost:host}\:", Assert.Single(grok.Helpers).Pattern);
        Assert.Equal(new SourceSpan(6, 7, 9), grok.MatchRules[0].NameSpan);
        Assert.Equal(6, grok.MatchRules[0].PatternSpan.Line);
        Assert.Equal(17, grok.MatchRules[0].PatternSpan.Column);
    }

    [Fact]
    public void SyntaxErrorIsLocated()
    {
        var file = RulesFileParser.Parse("pipeline p {\n  grok message\n    match {\n", out var error);
        Assert.Null(file);
        Assert.Equal(DiagnosticCodes.Syntax, error!.Code);
        Assert.Equal(2, error.Line);
        Assert.Contains("expected", error.Message);
    }

    [Fact]
    public void CompilesQnapShapedRulesIntoCapturesWithPaths()
    {
        var compiled = RulesCompiler.Compile(Qnap);
        Assert.Empty(compiled.Diagnostics);
        var rule = compiled.Pipelines[0].Parsers[0].Rules[0];
        Assert.Equal(["priority", "host", "user"], rule.Captures.Select(c => c.PathText));
        Assert.Equal(new NumericConversion(NumericKind.Number), rule.Captures[0].Conversion);
    }

    [Fact]
    public void UnusedHelperIsCheckedToo()
    {
        const string text = "pipeline p {\n  grok message {\n    match {\n      r %{word:a}\n    }\n    helpers {\n      unused %{wrod:b}\n    }\n  }\n}\n";
        var diagnostic = Assert.Single(RulesCompiler.Compile(text).Diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownMatcher, diagnostic.Code);
        Assert.Equal((7, 14), (diagnostic.Line, diagnostic.Column));
    }
}
