using System.Collections.Immutable;
using GrokFlow.Dsl.Compilation;
using GrokFlow.Dsl.Diagnostics;

namespace GrokFlow.Dsl.Import;

/// <summary>
/// Makes an imported .rules text compile by turning each rule line grokflow rejects into a comment that quotes the
/// error (a construct grokflow does not support yet, or a rule referencing one), so one unsupported rule does not lose
/// the whole pipeline. Rules depending on a commented-out rule fail in turn and are commented out on the next pass.
/// </summary>
public static class CompilableRules
{
    private const string DroppedMarker = "# not imported: ";

    public static (string Text, ImmutableArray<string> Dropped) Repair(string rulesText)
    {
        var lines = rulesText.Split('\n');
        var dropped = ImmutableArray.CreateBuilder<string>();
        // Each pass comments out at least one line, so the number of lines bounds the passes.
        for (var pass = 0; pass < lines.Length; pass++)
        {
            var errors = RulesChecker.Check(string.Join('\n', lines)).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count == 0) break;
            var changed = false;
            foreach (var error in errors.GroupBy(e => e.Line).Select(g => g.First()))
            {
                var index = error.Line - 1;
                if (index < 0 || index >= lines.Length) continue;
                if (lines[index].StartsWith("  grok ", StringComparison.Ordinal))
                {
                    // A grok block left without match rules: the whole block goes.
                    dropped.Add($"{error.Code}: {error.Message} (grok block: {lines[index].Trim()})");
                    for (var i = index; i < lines.Length; i++)
                    {
                        var isEnd = lines[i] == "  }";
                        lines[i] = "  # not imported: " + lines[i].TrimStart();
                        if (isEnd) break;
                    }
                    changed = true;
                    continue;
                }
                if (lines[index].StartsWith("pipeline ", StringComparison.Ordinal))
                {
                    // A pipeline left without grok blocks: the .rules language needs one, so the pipeline becomes a note.
                    dropped.Add($"{error.Code}: {error.Message}");
                    for (var i = 0; i < lines.Length; i++) lines[i] = lines[i].Length == 0 || lines[i].StartsWith('#') ? lines[i] : "# " + lines[i];
                    changed = true;
                    break;
                }
                if (!IsRuleLine(lines[index])) continue;
                var line = lines[index].TrimStart();
                dropped.Add($"{error.Code}: {error.Message} (rule: {line})");
                lines[index] = lines[index][..(lines[index].Length - line.Length)] + DroppedMarker + error.Code + " " + OneLine(error.Message) + " :: " + line;
                changed = true;
            }
            if (!changed) break;
        }
        return (string.Join('\n', lines), dropped.ToImmutable());
    }

    /// <summary>A rule line as <see cref="RulesTextWriter"/> writes them: six spaces, a name, a pattern.</summary>
    private static bool IsRuleLine(string line) =>
        line.StartsWith("      ", StringComparison.Ordinal) && line.TrimStart() is { Length: > 0 } t && t[0] != '#' && t != "}";

    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');
}
