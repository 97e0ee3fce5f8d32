using GrokFlow.Language.Diagnostics;
using GrokFlow.Language.Search;
using GrokFlow.Language.Syntax;

namespace GrokFlow.Language.Compilation;

/// <summary>
/// Reports each search query the engine cannot read: pipeline and nested-pipeline <c>filter</c>s (the host would not
/// apply that pipeline) and <c>category-processor</c> queries.
/// </summary>
public static class PipelineFilterChecker
{
    public static IEnumerable<RulesDiagnostic> Check(string text, RulesFileSyntax? syntax)
    {
        if (syntax is null) return [];
        var lines = text.Split('\n');
        var diagnostics = new List<RulesDiagnostic>();
        foreach (var pipeline in syntax.Pipelines)
        {
            CheckFilter(lines, pipeline.Filter, pipeline.Span, $"pipeline '{pipeline.Id}'", diagnostics);
            CheckSteps(lines, pipeline.Steps, diagnostics);
        }
        return diagnostics;
    }

    private static void CheckSteps(string[] lines, IEnumerable<StepSyntax> steps, List<RulesDiagnostic> diagnostics)
    {
        foreach (var step in steps)
        {
            if (step is NestedPipelineSyntax nested)
            {
                CheckFilter(lines, nested.Filter, nested.Span, $"nested pipeline '{nested.Name}'", diagnostics);
                CheckSteps(lines, nested.Steps, diagnostics);
            }
            else if (step is ProcessorSyntax { Type: "category-processor" } category)
            {
                foreach (var setting in category.Settings)
                {
                    if (setting.Key != "category" || setting.Values.Length < 2) continue;
                    if (SearchSyntaxParser.TryParse(setting.Values[1], out _, out var error)) continue;
                    var column = ColumnIn(lines, setting.Span.Line, error) ?? setting.Span.Column;
                    diagnostics.Add(new RulesDiagnostic(DiagnosticCodes.BadFilter, $"category '{setting.Values[0]}': {error.Message}", setting.Span.Line, column));
                }
            }
        }
    }

    private static void CheckFilter(string[] lines, string? filter, SourceSpan owner, string what, List<RulesDiagnostic> diagnostics)
    {
        if (SearchSyntaxParser.TryParse(filter, out _, out var error)) return;
        // The filter line holding this very query (a nested pipeline's filter may come first), else the owner's line.
        var (line, column) = (owner.Line, owner.Column);
        for (var i = owner.Line - 1; i < lines.Length; i++)
        {
            if (!lines[i].TrimStart().StartsWith("filter", StringComparison.Ordinal) || ColumnIn(lines, i + 1, error) is not { } at) continue;
            (line, column) = (i + 1, at);
            break;
        }
        diagnostics.Add(new RulesDiagnostic(DiagnosticCodes.BadFilter, $"{what}: {error.Message}", line, column));
    }

    // The column of the failing character when the query is written on that line in quotes without escapes.
    private static int? ColumnIn(string[] lines, int line, SearchQuerySyntaxException error)
    {
        if (line < 1 || line > lines.Length) return null;
        var at = lines[line - 1].IndexOf("\"" + error.Query + "\"", StringComparison.Ordinal);
        return at < 0 ? null : at + 2 + error.Position;
    }
}
