using System.Collections.Immutable;
using GrokFlow.Language.Diagnostics;
using GrokFlow.Language.Model;
using GrokFlow.Language.NetFlow;
using GrokFlow.Language.Syntax;

namespace GrokFlow.Language.Compilation;

/// <summary>
/// The result of compiling one .rules file: its syntax (null when it does not parse), the checked grok pipelines and
/// NetFlow layouts, and every diagnostic once, in file order.
/// </summary>
public sealed record CompiledRulesFile(
    RulesFileSyntax? Syntax,
    ImmutableArray<GrokPipelineModel> Pipelines,
    ImmutableArray<NetFlowLayout> Layouts,
    ImmutableArray<RulesDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>
/// Parses a .rules file once and checks all of it, grok pipelines and NetFlow layouts alike: the one entry point of
/// the generator, the interpreter, <c>grokflow check</c> and import.
/// </summary>
public static class RulesCompiler
{
    public static CompiledRulesFile Compile(string text)
    {
        var syntax = RulesFileParser.Parse(text, out var syntaxError);
        if (syntax is null)
            return new CompiledRulesFile(null, [], [], [syntaxError!]);

        var diagnostics = new List<RulesDiagnostic>();
        var pipelines = CompilePipelines(syntax, diagnostics);
        var layouts = CheckLayouts(syntax, diagnostics);
        diagnostics.AddRange(PipelineFilterChecker.Check(text, syntax));
        return new CompiledRulesFile(syntax, pipelines, layouts, [.. diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column)]);
    }

    private static ImmutableArray<GrokPipelineModel> CompilePipelines(RulesFileSyntax syntax, List<RulesDiagnostic> diagnostics)
    {
        var pipelines = ImmutableArray.CreateBuilder<GrokPipelineModel>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pipeline in syntax.Pipelines)
        {
            if (!ids.Add(pipeline.Id))
                diagnostics.Add(new RulesDiagnostic(DiagnosticCodes.DuplicateName, $"duplicate pipeline id '{pipeline.Id}': pipeline ids must be unique", pipeline.Span.Line, pipeline.Span.Column));
            if (pipeline.Steps.IsEmpty)
                diagnostics.Add(new RulesDiagnostic(DiagnosticCodes.EmptyParser, $"pipeline '{pipeline.Id}' has no step: no 'grok ATTRIBUTE {{ match {{ ... }} }}' block and no processor", pipeline.Span.Line, pipeline.Span.Column));
            var parsers = ImmutableArray.CreateBuilder<GrokParserModel>();
            foreach (var parser in pipeline.Parsers)
            {
                if (parser.MatchRules.IsEmpty)
                    diagnostics.Add(new RulesDiagnostic(DiagnosticCodes.EmptyParser, "this grok parser has no match rule", parser.Span.Line, parser.Span.Column));
                var rules = new GrokRuleCompiler(parser, diagnostics).CompileAll();
                parsers.Add(new GrokParserModel(parser.SourceAttribute, rules));
            }
            var steps = new StepCompiler(pipeline.Parsers, diagnostics).CompileAll(pipeline.Steps);
            pipelines.Add(new GrokPipelineModel(pipeline.Id, pipeline.Title ?? pipeline.Id, pipeline.Filter ?? "", parsers.ToImmutable(), steps));
        }
        return pipelines.ToImmutable();
    }

    /// <summary>Checks each netflow block; a layout id used twice in the file is reported at the second block.</summary>
    private static ImmutableArray<NetFlowLayout> CheckLayouts(RulesFileSyntax syntax, List<RulesDiagnostic> diagnostics)
    {
        var layouts = ImmutableArray.CreateBuilder<NetFlowLayout>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in syntax.NetFlowLayouts)
        {
            var layout = NetFlowLayoutChecker.Check(block, out var layoutDiagnostics);
            diagnostics.AddRange(layoutDiagnostics);
            if (layout is null) continue;
            if (!ids.Add(layout.Id))
            {
                diagnostics.Add(new RulesDiagnostic(NetFlowDiagnosticCodes.DuplicateLayout,
                    $"netflow layout '{layout.Id}' is already defined in this file", block.Line, block.Column));
                continue;
            }
            layouts.Add(layout);
        }
        return layouts.ToImmutable();
    }
}
