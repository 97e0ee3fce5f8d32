using System.Collections.Immutable;
using GrokFlow.Language.Compilation;
using GrokFlow.Language.Diagnostics;
using GrokFlow.Language.NetFlow;
using GrokFlow.Generator.Emit;
using GrokFlow.Generator.NetFlow;

namespace GrokFlow.Generator;

/// <summary>
/// Compiles one .rules file (once) and emits its pipelines and NetFlow layouts; every problem becomes a located
/// diagnostic. Layout classes are added by <see cref="NetFlowGeneratorStep"/>, which sees every file and so can refuse
/// a layout class defined twice.
/// </summary>
internal static class RulesFileEmitter
{
    public static GeneratedFile Emit(string path, string text)
    {
        var fileName = System.IO.Path.GetFileName(path);
        var compiled = RulesCompiler.Compile(text);
        var diagnostics = compiled.Diagnostics.Select(d => ToInfo(d, path, text)).ToList();
        var sources = ImmutableArray.CreateBuilder<(string, string)>();
        var classes = ImmutableArray.CreateBuilder<(string, bool)>();
        var layouts = ImmutableArray.CreateBuilder<GeneratedLayout>();
        foreach (var layout in compiled.Layouts)
        {
            var block = compiled.Syntax!.NetFlowLayouts.First(b => b.Id == layout.Id);
            layouts.Add(new GeneratedLayout(layout.Id, NetFlowLayoutEmitter.ClassName(layout.Id), NetFlowLayoutEmitter.Emit(layout),
                ToInfo(new RulesDiagnostic(NetFlowDiagnosticCodes.DuplicateLayout, "", block.Line, block.Column), path, text)));
        }
        if (!compiled.HasErrors)
        {
            foreach (var pipeline in compiled.Pipelines)
            {
                try
                {
                    var fallbacks = new List<(GrokFlow.Language.Model.GrokRuleModel Rule, string Reason)>();
                    var source = PipelineEmitter.Emit(pipeline, fileName, fallbacks);
                    foreach (var (rule, reason) in fallbacks)
                    {
                        diagnostics.Add(ToInfo(new RulesDiagnostic(DiagnosticCodes.Unsupported,
                            $"rule '{rule.Name}' of pipeline '{pipeline.Id}' is not compiled to a matcher: {reason}; it runs through the interpreter's regular expression instead (slower, allocates per line)",
                            rule.Line, RuleColumn(text, rule.Line), DiagnosticSeverity.Warning), path, text));
                    }
                    var className = PipelineEmitter.ClassName(pipeline);
                    sources.Add(($"{System.IO.Path.GetFileNameWithoutExtension(fileName)}.{className}.g.cs", source));
                    classes.Add((className, !pipeline.IsGrokOnly));
                }
                catch (NotSupportedException e)
                {
                    var span = compiled.Syntax!.Pipelines.First(p => p.Id == pipeline.Id).Span;
                    diagnostics.Add(ToInfo(new RulesDiagnostic(DiagnosticCodes.Unsupported, $"pipeline '{pipeline.Id}': {e.Message}", span.Line, span.Column), path, text));
                }
            }
        }
        return new GeneratedFile(path, new(sources.ToImmutable()), new(diagnostics.ToImmutableArray()), new(classes.ToImmutable()), new(layouts.ToImmutable()));
    }

    /// <summary>The column of the first non-blank character of <paramref name="line"/> (where the rule name starts).</summary>
    private static int RuleColumn(string text, int line) => 1 + text.Skip(OffsetOf(text, line, 1)).TakeWhile(c => c is ' ' or '\t').Count();

    private static DiagnosticInfo ToInfo(RulesDiagnostic d, string path, string text)
    {
        var offset = OffsetOf(text, d.Line, d.Column);
        return new DiagnosticInfo(d.Code, d.Message, d.Severity == DiagnosticSeverity.Error, path, offset, 1, d.Line, d.Column);
    }

    private static int OffsetOf(string text, int line, int column)
    {
        var offset = 0;
        for (var current = 1; current < line && offset < text.Length; current++)
        {
            var newline = text.IndexOf('\n', offset);
            if (newline < 0) return text.Length;
            offset = newline + 1;
        }
        return Math.Min(text.Length, offset + Math.Max(0, column - 1));
    }
}
