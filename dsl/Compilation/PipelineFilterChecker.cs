using GrokFlow.Dsl.Diagnostics;
using GrokFlow.Dsl.Search;
using GrokFlow.Dsl.Syntax;

namespace GrokFlow.Dsl.Compilation;

/// <summary>Reports each pipeline <c>filter</c> the search engine cannot read (the host would not apply that pipeline).</summary>
public static class PipelineFilterChecker
{
    public static IEnumerable<RulesDiagnostic> Check(string text, RulesFileSyntax? syntax)
    {
        if (syntax is null) yield break;
        var lines = text.Split('\n');
        foreach (var pipeline in syntax.Pipelines)
        {
            if (SearchQueryParser.TryParse(pipeline.Filter, out _, out var error)) continue;
            var (line, column) = Locate(lines, pipeline.Span, error);
            yield return new RulesDiagnostic(DiagnosticCodes.BadFilter, $"pipeline '{pipeline.Id}': {error.Message}", line, column);
        }
    }

    // The filter's line (and the failing character when the filter is written there without escapes); the pipeline's
    // line when no filter line is found.
    private static (int Line, int Column) Locate(string[] lines, SourceSpan pipeline, SearchQuerySyntaxException error)
    {
        for (var i = pipeline.Line - 1; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (!trimmed.StartsWith("filter", StringComparison.Ordinal)) continue;
            var quote = lines[i].IndexOf('"');
            var column = quote >= 0 && string.CompareOrdinal(lines[i], quote + 1, error.Query, 0, error.Query.Length) == 0
                ? quote + 2 + error.Position
                : lines[i].Length - trimmed.Length + 1;
            return (i + 1, column);
        }
        return (pipeline.Line, pipeline.Column);
    }
}
