using System.Text.Json.Nodes;
using GrokFlow.Language.Compilation;
using GrokFlow.Tooling.Interpretation;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Conformance;

/// <summary>Runs one covered case through the compiler and the interpreter; returns null when it passes, else why not.</summary>
public static class CaseRunner
{
    /// <summary>A catastrophic-backtracking case must give up within this, per rule.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    public static string? Failure(CaseCoverage coverage)
    {
        var c = coverage.Case;
        switch (c.Kind)
        {
            case "pattern_ast":
                return AstFailure(c);
            case "compile_error":
            {
                var compiled = RulesCompiler.Compile(CaseRulesText.For(c));
                return compiled.HasErrors ? null : "expected a compile error, but the rules compiled";
            }
            case "compile_ok":
                return CompileOkFailure(c);
        }

        var loaded = RulesInterpreter.Load(CaseRulesText.For(c), MatchTimeout);
        if (loaded.HasErrors)
            return "the rules do not compile:\n" + string.Join("\n", loaded.Diagnostics.Select(d => d.Format("case.rules")));
        var pipeline = loaded.Pipelines.Single();
        var context = new ParseContext(new FixedClock(CaseCoverage.Clock));
        var (result, output) = GrokHarness.Run(pipeline, coverage.Input ?? "", context);
        switch (c.Kind)
        {
            case "match":
                if (!result.Matched) return $"expected a match, got {result.Status}";
                return JsonEquivalence.Difference(coverage.Expected, output) is { } difference
                    ? $"{difference}\n  expected: {coverage.Expected?.ToJsonString()}\n  actual:   {output.ToJsonString()}"
                    : null;
            case "no_match":
                return result.Status == GrokStatus.NoMatch ? null : $"expected no match, got {result.Status} with {output.ToJsonString()}";
            case "runtime_error":
                return result.Matched ? $"expected no match or an exceeded budget, got a match: {output.ToJsonString()}" : null;
            default:
                return $"unknown case kind '{c.Kind}'";
        }
    }

    private static string? AstFailure(GrokCase c)
    {
        var ast = TokenAst.Parse(c.Rules[0], out var error);
        if (c.ExpectsError) return ast is null ? null : $"expected a token error, got {ast.ToJsonString()}";
        if (ast is null) return $"the token does not parse: {error}";
        var expected = c.Raw["expected_ast"];
        return JsonEquivalence.Difference(expected, ast) is { } difference
            ? $"{difference}\n  expected: {expected?.ToJsonString()}\n  actual:   {ast.ToJsonString()}"
            : null;
    }

    private static string? CompileOkFailure(GrokCase c)
    {
        var compiled = RulesCompiler.Compile(CaseRulesText.For(c));
        if (compiled.HasErrors) return "expected the rules to compile:\n" + string.Join("\n", compiled.Diagnostics.Select(d => d.Format("case.rules")));
        if (c.Raw["expected_filter"] is not { } expectedFilter) return null;
        var ast = TokenAst.Parse(c.Rules[0], out var error);
        if (ast is null) return $"the token does not parse: {error}";
        return JsonEquivalence.Difference(expectedFilter, ast["filter"]);
    }
}
