using GrokFlow.Language.Compilation;
using GrokFlow.Language.Diagnostics;

namespace GrokFlow.Tests.Dsl;

/// <summary>The one compile entry: grok pipelines and NetFlow layouts from one parse, each problem reported once.</summary>
public sealed class RulesCompilerTests
{
    private const string Mixed = """
        pipeline web "Web" {
          grok message {
            match {
              Broken %{nosuchmatcher:x}
            }
          }
        }
        netflow acme {
          element 7 unsigned99 port
        }
        netflow edge {
          element 4 unsigned8 protocol
        }
        """;

    [Fact]
    public void PipelinesAndLayoutsComeFromOneCompileWithEachDiagnosticOnce()
    {
        var compiled = RulesCompiler.Compile(Mixed);

        Assert.Equal(["web"], compiled.Pipelines.Select(p => p.Id));
        Assert.Equal(["edge"], compiled.Layouts.Select(l => l.Id));
        Assert.Equal(["GF0004", "GF0104"], compiled.Diagnostics.Select(d => d.Code));
        Assert.Equal([4, 9], compiled.Diagnostics.Select(d => d.Line));
        Assert.Equal(compiled.Diagnostics.Length, compiled.Diagnostics.Distinct().Count());
    }

    [Theory]
    // Spliced as text into a rule, a helper starting with a quantifier compiles; unused, extracted or filtered it is an error.
    [InlineData("a,%{h}?,b", "")]
    [InlineData("a,b", "GF0003")]
    [InlineData("a,%{h:x}?,b", "GF0003")]
    public void AHelperThatIsNoPatternOnItsOwnCompilesOnlySplicedIntoARule(string rule, string expectedCodes)
    {
        var compiled = RulesCompiler.Compile($"pipeline p {{\n  grok message {{\n    match {{\n      r {rule}\n    }}\n    helpers {{\n      h ?(x%{{word:w}})\n    }}\n  }}\n}}\n");

        Assert.Equal(expectedCodes, string.Join(",", compiled.Diagnostics.Select(d => d.Code)));
    }

    [Fact]
    public void ALayoutIdUsedTwiceInAFileIsReportedAtTheSecondBlock()
    {
        var compiled = RulesCompiler.Compile("netflow edge {\n  element 4 unsigned8 protocol\n}\nnetflow edge {\n  element 7 unsigned16 port\n}\n");

        var duplicate = Assert.Single(compiled.Diagnostics);
        Assert.Equal("GF0112", duplicate.Code);
        Assert.Equal((4, 1), (duplicate.Line, duplicate.Column));
        Assert.Equal(DiagnosticSeverity.Error, duplicate.Severity);
        Assert.Single(compiled.Layouts);
    }

    [Fact]
    public void ASyntaxErrorInANetflowBlockIsTheFilesOneSyntaxError()
    {
        var compiled = RulesCompiler.Compile("netflow edge {\n  element 4 unsigned8 protocol\n");

        var error = Assert.Single(compiled.Diagnostics);
        Assert.Equal(DiagnosticCodes.Syntax, error.Code);
        Assert.Null(compiled.Syntax);
        Assert.Empty(compiled.Layouts);
    }
}
