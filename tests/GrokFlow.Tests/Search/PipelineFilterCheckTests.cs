using GrokFlow.Language.Compilation;
using GrokFlow.Language.Diagnostics;

namespace GrokFlow.Tests.Search;

public sealed class PipelineFilterCheckTests
{
    private static string Rules(string filter) => $$"""
        pipeline demo "Demo" {
          filter "{{filter}}"
          grok message {
            match {
              Line %{word:verb} %{data:rest}
            }
          }
        }
        """;

    [Fact]
    public void AnUnreadableFilterIsReportedAtTheFailingCharacter()
    {
        var diagnostic = Assert.Single(RulesCompiler.Compile(Rules("service:(a OR b")).Diagnostics);
        Assert.Equal(DiagnosticCodes.BadFilter, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(2, diagnostic.Line);
        Assert.Equal("  filter \"".Length + "service:(a OR b".Length + 1, diagnostic.Column);
        Assert.Contains("pipeline 'demo'", diagnostic.Message);
        Assert.Contains("missing ')'", diagnostic.Message);
    }

    [Theory]
    [InlineData("service:qnap-nas")]
    [InlineData("source:qnap @http.status_code:[400 TO 499] -@usr.id:* CIDR(@network.client.ip, 10.0.0.0/8) refused")]
    public void ReadableFiltersRaiseNoDiagnostic(string filter) => Assert.Empty(RulesCompiler.Compile(Rules(filter)).Diagnostics);

    [Fact]
    public void NestedPipelineFiltersAndCategoryQueriesAreCheckedToo()
    {
        const string rules = """
            pipeline demo "Demo" {
              filter "service:demo"
              pipeline "Inner" {
                filter "@a:[1 TO"
                category-processor "Kinds" {
                  target kind
                  category "errors", "status:error"
                  category "odd", "CIDR(@ip, 300.0.0.0/8)"
                }
              }
              grok message {
                match {
                  Line %{word:verb} %{data:rest}
                }
              }
            }
            """;
        var diagnostics = RulesCompiler.Compile(rules).Diagnostics.Where(d => d.Code == DiagnosticCodes.BadFilter).ToList();
        Assert.Equal(2, diagnostics.Count);
        Assert.Equal((4, "    filter \"@a:[1 TO".Length + 1), (diagnostics[0].Line, diagnostics[0].Column));
        Assert.Contains("nested pipeline 'Inner'", diagnostics[0].Message);
        Assert.Equal((8, "      category \"odd\", \"CIDR(@ip, ".Length + 1), (diagnostics[1].Line, diagnostics[1].Column));
        Assert.Contains("category 'odd'", diagnostics[1].Message);
        Assert.Contains("not an IP network", diagnostics[1].Message);
    }
}
