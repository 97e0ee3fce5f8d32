using GrokFlow.Tooling.Import;
using GrokFlow.Language.Syntax;

namespace GrokFlow.Tooling.Export;

/// <summary>
/// The <c>match_rules</c> and <c>support_rules</c> texts of a grok block, as written in the .rules file: one
/// <c>Name pattern</c> line per rule, comment lines kept in place. Rules the import commented out because grokflow
/// rejects them (<c># not imported: GFxxxx reason :: rule</c>) are restored: Datadog runs them, so exporting them
/// keeps the pipeline as it was.
/// </summary>
public static class GrokRuleText
{
    public static (string MatchRules, string SupportRules) Of(GrokParserSyntax grok, IReadOnlyList<string> fileLines)
    {
        var blocks = ScanBlocks(grok, fileLines);
        if (blocks is null || CountRules(blocks.Value.Match) != grok.MatchRules.Length || CountRules(blocks.Value.Helpers) != grok.Helpers.Length)
        {
            // A layout the scan does not follow (several items on one line): the rules alone, from the syntax.
            return (string.Join("\n", grok.MatchRules.Select(Line)), string.Join("\n", grok.Helpers.Select(Line)));
        }
        return (Join(blocks.Value.Match, grok.MatchRules), Join(blocks.Value.Helpers, grok.Helpers));
    }

    private static string Line(RuleSyntax rule) => rule.Name + " " + GrokRuleLines.RestoreTrailingWhiteSpace(rule.Pattern);

    /// <summary>The lines of the <c>match</c> and <c>helpers</c> blocks, for a grok block written one item per line.</summary>
    private static (List<string> Match, List<string> Helpers)? ScanBlocks(GrokParserSyntax grok, IReadOnlyList<string> lines)
    {
        var match = new List<string>();
        var helpers = new List<string>();
        var header = grok.Span.Line - 1;
        if (header < 0 || header >= lines.Count || !lines[header].TrimEnd().EndsWith('{')) return null;
        List<string>? block = null;
        for (var i = header + 1; i < lines.Count; i++)
        {
            var trimmed = lines[i].Trim(' ', '\t', '\r');
            if (block is not null)
            {
                if (trimmed == "}") block = null;
                else if (trimmed.Length > 0) block.Add(trimmed);
                continue;
            }
            if (trimmed == "}") return (match, helpers);
            if (IsBlockOpening(trimmed, "match")) block = match;
            else if (IsBlockOpening(trimmed, "helpers")) block = helpers;
        }
        return null;
    }

    private static bool IsBlockOpening(string line, string keyword) =>
        line.StartsWith(keyword, StringComparison.Ordinal) && line[keyword.Length..].TrimStart(' ', '\t').StartsWith('{');

    private static int CountRules(List<string> lines) => lines.Count(l => !l.StartsWith('#'));

    private static string Join(List<string> lines, IReadOnlyList<RuleSyntax> rules)
    {
        var result = new List<string>();
        var next = 0;
        foreach (var line in lines)
        {
            if (!line.StartsWith('#')) result.Add(Line(rules[next++]));
            else if (Restored(line) is { } rule) result.Add(rule);
            else result.Add(line);
        }
        return string.Join("\n", result);
    }

    /// <summary>The rule a commented-out line of the import holds, or null for an ordinary comment.</summary>
    private static string? Restored(string comment)
    {
        if (comment.StartsWith(GrokRuleLines.NoPatternMarker, StringComparison.Ordinal)) return comment[GrokRuleLines.NoPatternMarker.Length..];
        if (!comment.StartsWith(CompilableRules.DroppedMarker, StringComparison.Ordinal)) return null;
        var separator = comment.IndexOf(CompilableRules.ReasonSeparator, StringComparison.Ordinal);
        return separator < 0 ? null : comment[(separator + CompilableRules.ReasonSeparator.Length)..];
    }
}
