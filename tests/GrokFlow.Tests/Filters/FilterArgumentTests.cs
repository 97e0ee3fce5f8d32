using GrokFlow.Language.Compilation;
using GrokFlow.Language.Diagnostics;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Filters;

/// <summary>Bad arguments of structured filters are GF0006 errors that say what is wrong.</summary>
public sealed class FilterArgumentTests
{
    [Theory]
    [InlineData("%{data::keyvalue(\"\")}", "separator")]
    [InlineData("%{data::keyvalue(\"=\", \"\", \"<>>\")}", "quoting string")]
    [InlineData("%{data::keyvalue(\"=\", \"\", \"\", \"abc\")}", "delimiter")]
    [InlineData("%{data::keyvalue(\"=\", \"\\\\\")}", "lone backslash")]
    [InlineData("%{data::keyvalue(1)}", "double-quoted strings")]
    [InlineData("%{data::csv(\"a,1b\")}", "must start with a letter")]
    [InlineData("%{data::csv(\"a,a\")}", "appears twice")]
    [InlineData("%{data::csv(\"a,b\", \";;\")}", "\"tab\"")]
    [InlineData("%{data::csv(\"a,b\", \",\", \"''\")}", "quoting character")]
    [InlineData("%{data::csv}", "csv(\"header1,header2\"")]
    [InlineData("%{data:f:array(\"[]\", \"\")}", "separator must not be empty")]
    [InlineData("%{data:f:array(\"[[]]\", \",\")}", "brackets")]
    [InlineData("%{data:f:array(integer, \",\")}", "array(\"brackets\"")]
    [InlineData("%{data:f:array(nosuch)}", "element filter")]
    [InlineData("%{data::json(1)}", "takes no arguments")]
    [InlineData("%{data::querystring(\"x\")}", "takes no arguments")]
    public void BadArgumentsAreReported(string pattern, string messagePart)
    {
        var compiled = RulesCompiler.Compile(GrokHarness.RulesText([("rule0", pattern)]));
        var diagnostic = Assert.Single(compiled.Diagnostics);
        Assert.True(diagnostic.Code is DiagnosticCodes.BadArguments or DiagnosticCodes.UnknownFilter, diagnostic.Format("test.rules"));
        Assert.Contains(messagePart, diagnostic.Message);
    }
}
