using System.Collections.Immutable;
using GrokFlow.Language.Diagnostics;
using GrokFlow.Language.Model;
using GrokFlow.Language.Syntax;

namespace GrokFlow.Language.Compilation;

/// <summary>The result of compiling one .rules file.</summary>
public sealed record CompiledRulesFile(RulesFileSyntax? Syntax, ImmutableArray<GrokPipelineModel> Pipelines, ImmutableArray<RulesDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}

/// <summary>Parses and checks a .rules file: the entry point shared by the generator, the interpreter and <c>grokflow check</c>.</summary>
public static class RulesCompiler
{
    public static CompiledRulesFile Compile(string text)
    {
        var syntax = RulesFileParser.Parse(text, out var syntaxError);
        if (syntax is null)
            return new CompiledRulesFile(null, [], [syntaxError!]);

        var diagnostics = new List<RulesDiagnostic>();
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
        diagnostics.AddRange(PipelineFilterChecker.Check(text, syntax));
        var ordered = diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToImmutableArray();
        return new CompiledRulesFile(syntax, pipelines.ToImmutable(), ordered);
    }
}
