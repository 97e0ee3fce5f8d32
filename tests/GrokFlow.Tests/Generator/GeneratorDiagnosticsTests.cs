using System.Globalization;
using GrokFlow.Tests.TestSupport;
using Microsoft.CodeAnalysis;

namespace GrokFlow.Tests.Generator;

/// <summary>
/// Every kind of rule error is a compiler error located in the .rules file (line and column of the offending text), with
/// its stable code and a message saying what is wrong and what was expected.
/// </summary>
public sealed class GeneratorDiagnosticsTests
{
    private const string RulesPath = "/rules/vendor.rules";

    /// <summary>A one-pipeline file: <paramref name="match"/> and <paramref name="helpers"/> are rule lines.</summary>
    private static string Grok(string[] match, string[]? helpers = null)
    {
        var text = "pipeline test \"Test\" {\n  filter \"service:test\"\n  grok message {\n    match {\n";
        foreach (var line in match) text += "      " + line + "\n";
        text += "    }\n";
        if (helpers is not null)
        {
            text += "    helpers {\n";
            foreach (var line in helpers) text += "      " + line + "\n";
            text += "    }\n";
        }
        return text + "  }\n}\n";
    }

    /// <summary>An error case: the file, the code, where it must be reported and words its message must contain.</summary>
    public sealed record ErrorCase(string Text, string Code, At At, params string[] Words);

    /// <summary>
    /// Where a diagnostic must point: the <paramref name="Occurrence"/>-th (0-based) occurrence of
    /// <paramref name="Needle"/>, moved <paramref name="Shift"/> characters right.
    /// </summary>
    public sealed record At(string Needle, int Occurrence = 0, int Shift = 0)
    {
        public (int Line, int Column, int Offset) In(string text)
        {
            var index = -1;
            for (var i = 0; i <= Occurrence; i++)
            {
                index = text.IndexOf(Needle, index + 1, StringComparison.Ordinal);
                Assert.True(index >= 0, $"'{Needle}' occurs fewer than {Occurrence + 1} times in the test text");
            }
            index += Shift;
            var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
            var line = 1 + text.Take(index).Count(c => c == '\n');
            return (line, index - lineStart + 1, index);
        }
    }

    private static readonly Dictionary<string, ErrorCase> Cases = new()
    {
        ["GF0001 unknown pipeline item"] = new(
            "pipeline test {\n  grok message {\n    match {\n      rule0 %{word:user}\n    }\n  }\n  filtr \"service:x\"\n}\n",
            "GF0001", new("filtr"), "syntax error", "unexpected 'f'", "expected", "'}' closing the pipeline"),
        ["GF0001 rule without a pattern"] = new(
            Grok(["rule0 %{word:user}", "rule1"]),
            "GF0001", new("rule1", Shift: 5), "syntax error", "unexpected end of line", "expected whitespace between the rule name and its pattern"),
        ["GF0001 unclosed pipeline"] = new(
            "pipeline test {\n  grok message {\n    match {\n      rule0 %{word:user}\n    }\n  }\n",
            "GF0001", new("  }\n", Occurrence: 1, Shift: 4), "syntax error", "unexpected end of file", "'}' closing the pipeline"),
        ["GF0002 malformed token"] = new(
            Grok(["rule0 %{word:us er} done"]),
            "GF0002", new("us er", Shift: 2), "invalid token %{word:us er}", "unexpected ' '", "expected"),
        ["GF0002 unterminated token"] = new(
            Grok(["rule0 user %{word:user"]),
            "GF0002", new("%{word"), "unterminated token", "'}'"),
        ["GF0002 unterminated argument"] = new(
            Grok(["rule0 %{date(\"yyyy:d} x"]),
            "GF0002", new("%{date"), "unterminated string in token", "'\"' is missing"),
        ["GF0003 unclosed group"] = new(
            Grok(["rule0 %{word:user} (done"]),
            "GF0003", new("(done"), "missing ')'", "not closed"),
        ["GF0003 unbalanced parenthesis"] = new(
            Grok(["rule0 %{word:user} done)"]),
            "GF0003", new("done)", Shift: 4), "unbalanced ')'", "escape it as \\)"),
        ["GF0003 invalid quantifier"] = new(
            Grok(["rule0 %{word:user} x{3,1}"]),
            "GF0003", new("{3,1}"), "{3,1}", "maximum below its minimum"),
        ["GF0003 quantifier with nothing to repeat"] = new(
            Grok(["rule0 %{word:user} (*x)"]),
            "GF0003", new("*x"), "nothing to repeat", "'*'", "escape it as \\*"),
        ["GF0004 unknown matcher"] = new(
            Grok(["rule0 %{word:user} %{wrod:action}"]),
            "GF0004", new("%{wrod"), "unknown matcher 'wrod'", "expected a helper rule, a match rule, or a built-in matcher", "notSpace"),
        ["GF0004 unknown matcher in a helper"] = new(
            Grok(["rule0 %{user_part}"], ["user_part user=%{wrod:user}"]),
            "GF0004", new("%{wrod"), "unknown matcher 'wrod'", "expected a helper rule"),
        ["GF0005 unknown filter"] = new(
            Grok(["rule0 %{word:user:lowercas}"]),
            "GF0005", new("%{word"), "unknown filter 'lowercas'", "expected one of", "lowercase"),
        ["GF0006 arguments to a matcher that takes none"] = new(
            Grok(["rule0 %{word(3):user}"]),
            "GF0006", new("%{word"), "matcher 'word' takes no arguments"),
        ["GF0006 date without its pattern"] = new(
            Grok(["rule0 %{date:when}"]),
            "GF0006", new("%{date"), "invalid arguments for 'date'", "expected date(\"pattern\""),
        ["GF0006 scale with a string"] = new(
            Grok(["rule0 %{number:n:scale(\"x\")}"]),
            "GF0006", new("%{number"), "invalid arguments for filter", "expected scale(factor) with a number"),
        ["GF0006 arguments to a helper reference"] = new(
            Grok(["rule0 %{user_part(\"a\")}"], ["user_part %{word:user}"]),
            "GF0006", new("%{user_part"), "'user_part' is a rule reference and takes no arguments"),
        ["GF0007 helpers in a circle"] = new(
            Grok(["rule0 start %{A}"], ["A a %{B}", "B b %{A}"]),
            "GF0007", new("%{A}", Occurrence: 1), "circular reference", "A -> B -> A"),
        ["GF0008 invalid date pattern"] = new(
            Grok(["rule0 %{date(\"yyyy-MM-dd QQ\"):when}"]),
            "GF0008", new("%{date"), "invalid date", "'Q'", "expected Joda-Time letters"),
        ["GF0008 unknown time zone"] = new(
            Grok(["rule0 %{date(\"yyyy-MM-dd\", \"Mars/Olympus_Mons\"):when}"]),
            "GF0008", new("%{date"), "unknown time zone \"Mars/Olympus_Mons\"", "expected UTC"),
        ["GF0009 duplicate match rule"] = new(
            Grok(["rule0 %{word:user}", "rule0 %{integer:id}"]),
            "GF0009", new("rule0", Occurrence: 1), "duplicate match rule 'rule0'", "unique"),
        ["GF0009 duplicate helper"] = new(
            Grok(["rule0 %{part}"], ["part %{word:user}", "part %{integer:id}"]),
            "GF0009", new("part ", Occurrence: 1), "duplicate helper rule 'part'", "unique"),
        ["GF0009 rule and helper share a name"] = new(
            Grok(["part %{word:user}"], ["part %{integer:id}"]),
            "GF0009", new("part %{word"), "'part' is both a match rule and a helper rule", "rename one"),
        ["GF0009 duplicate pipeline id"] = new(
            Grok(["rule0 %{word:user}"]) + Grok(["rule0 %{integer:id}"]),
            "GF0009", new("pipeline test", Occurrence: 1), "duplicate pipeline id 'test'", "unique"),
        ["GF0010 invalid regex argument"] = new(
            Grok(["rule0 %{regex(\"[a-\"):x}"]),
            "GF0010", new("%{regex"), "invalid regex(\"[a-\")", "missing ']'"),
        ["GF0010 regex argument with nothing to repeat"] = new(
            Grok(["rule0 %{regex(\"*a\"):x}"]),
            "GF0010", new("%{regex"), "invalid regex(\"*a\")", "nothing to repeat"),
        ["GF0011 backreference"] = new(
            Grok(["rule0 (a)\\1 %{word:user}"]),
            "GF0011", new("\\1"), "backreferences are not supported"),
        ["GF0011 class intersection"] = new(
            Grok(["rule0 %{word:user} [a-z&&[^b]]"]),
            "GF0011", new("&&"), "class intersection '&&' is not supported"),
        ["GF0007 match rules in a circle"] = new(
            Grok(["rule0 %{rule1} end", "rule1 %{word:user} %{rule0}"]),
            "GF0007", new("%{rule0}"), "circular reference", "rule0 -> rule1 -> rule0"),
        ["GF0007 rule references itself"] = new(
            Grok(["rule0 a%{rule0}"]),
            "GF0007", new("%{rule0}"), "circular reference", "rule0 -> rule0"),
        ["GF0013 pipeline without a grok block"] = new(
            "pipeline test \"Test\" {\n  filter \"service:test\"\n}\n",
            "GF0013", new("pipeline"), "pipeline 'test' has no step", "grok ATTRIBUTE"),
        ["GF0013 grok parser without match rules"] = new(
            "pipeline test {\n  grok message {\n    match {\n    }\n  }\n}\n",
            "GF0013", new("grok"), "no match rule"),
        ["GF0014 unknown processor"] = new(
            "pipeline test {\n  attribute-remaper {\n    sources a\n    target b\n  }\n}\n",
            "GF0014", new("attribute-remaper"), "unknown processor 'attribute-remaper'", "attribute-remapper"),
        ["GF0015 unknown setting"] = new(
            "pipeline test {\n  attribute-remapper {\n    sources a\n    target b\n    preserve true\n  }\n}\n",
            "GF0015", new("preserve true"), "has no setting 'preserve'", "preserve_source"),
        ["GF0015 setting value of the wrong form"] = new(
            "pipeline test {\n  attribute-remapper {\n    sources a\n    target b\n    target_format number\n  }\n}\n",
            "GF0015", new("target_format"), "'target_format' is one of auto, string, integer, double", "'number'"),
        ["GF0016 missing setting"] = new(
            "pipeline test {\n  string-builder-processor \"Build\" {\n    template \"%{a}-%{b}\"\n  }\n}\n",
            "GF0016", new("string-builder-processor"), "needs 'target'"),
        ["GF0017 invalid arithmetic expression"] = new(
            "pipeline test {\n  arithmetic-processor {\n    expression \"(a * 2\"\n    target b\n  }\n}\n",
            "GF0017", new("expression"), "invalid arithmetic expression", "')' is missing"),
        ["GF0017 unclosed template reference"] = new(
            "pipeline test {\n  string-builder-processor {\n    template \"%{a\"\n    target b\n  }\n}\n",
            "GF0017", new("template"), "invalid template", "closing '}'"),
        ["GF0018 unreadable pipeline filter"] = new(
            "pipeline test {\n  filter \"service:(a OR b\"\n  grok message {\n    match {\n      rule0 %{word:user}\n    }\n  }\n}\n",
            "GF0018", new("\"service:(a OR b\"", Shift: 16), "pipeline 'test'", "missing ')'"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ErrorIsReportedAtTheRulesFileWithItsCode(string name)
    {
        var errorCase = Cases[name];
        var run = GeneratedPipelineCompiler.Generate(errorCase.Text, RulesPath);

        var diagnostic = Assert.Single(run.Diagnostics);
        AssertLocatedError(diagnostic, errorCase.Text, errorCase.Code, errorCase.At, errorCase.Words);
        Assert.DoesNotContain(run.Output.SyntaxTrees, t => t.FilePath.Contains("TestPipeline", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryCodeOfTheCatalogueIsCovered()
    {
        var codes = typeof(GrokFlow.Language.Diagnostics.DiagnosticCodes).GetFields()
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet();
        Assert.Equal(codes.Order(), Cases.Values.Select(c => c.Code).Distinct().Order());
    }

    [Fact]
    public void A_rule_the_generator_cannot_match_is_a_warning_at_the_rule_and_runs_through_the_regex()
    {
        var text = Grok(["rule0 x(?<=ab|x) %{word:user}", "rule1 %{word:other}"]);
        var run = GeneratedPipelineCompiler.Generate(text, RulesPath);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("GF0011", diagnostic.Id);
        var line = diagnostic.Location.GetLineSpan();
        Assert.Equal(text.Split('\n').ToList().FindIndex(l => l.Contains("rule0", StringComparison.Ordinal)), line.StartLinePosition.Line);
        Assert.Contains("rule 'rule0'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("lookbehind", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("interpreter's regular expression", diagnostic.GetMessage(), StringComparison.Ordinal);

        using var loaded = GeneratedPipelineCompiler.CompileAndLoad(text, allowGeneratorWarnings: true);
        var (matched, output) = GrokHarness.Run(loaded["test"], "x bob");
        Assert.Equal("rule0", matched.RuleName);
        Assert.Equal("bob", (string)output["user"]!);
        var (other, otherOutput) = GrokHarness.Run(loaded["test"], "alice");
        Assert.Equal("rule1", other.RuleName);
        Assert.Equal("alice", (string)otherOutput["other"]!);
    }

    [Fact]
    public void SeveralErrorsAreAllReportedInFileOrder()
    {
        var text = Grok(["rule0 %{wrod:user}", "rule1 %{word:user:lowercas}"]);
        var run = GeneratedPipelineCompiler.Generate(text, RulesPath);

        Assert.Collection(run.Diagnostics,
            d => AssertLocatedError(d, text, "GF0004", new At("%{wrod"), "wrod"),
            d => AssertLocatedError(d, text, "GF0005", new At("%{word:user:lowercas"), "lowercas"));
    }

    [Fact]
    public void CrLfLineEndingsReportTheSameLinesAndColumns()
    {
        var text = Grok(["rule0 %{word:user}", "rule1 %{wrod:user}"]);
        var run = GeneratedPipelineCompiler.Generate(text.Replace("\n", "\r\n"), RulesPath);

        var diagnostic = Assert.Single(run.Diagnostics);
        var (line, column, _) = new At("%{wrod").In(text);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal((RulesPath, line, column), (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }

    private static void AssertLocatedError(Diagnostic diagnostic, string text, string code, At at, params string[] words)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        var (line, column, offset) = at.In(text);
        Assert.Equal(code, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(LocationKind.ExternalFile, diagnostic.Location.Kind);
        var span = diagnostic.Location.GetLineSpan();
        Assert.True((RulesPath, line, column) == (span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1),
            $"expected {RulesPath}({line},{column}), got {span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {message}");
        Assert.Equal(offset, diagnostic.Location.SourceSpan.Start);
        foreach (var word in words)
            Assert.True(message.Contains(word, StringComparison.Ordinal), $"the message should contain \"{word}\": {message}");
    }
}
