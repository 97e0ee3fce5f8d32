using System.Collections.Immutable;
using GrokFlow.Language.Compilation;
using GrokFlow.Language.Diagnostics;

namespace GrokFlow.Tooling.Import;

/// <summary>
/// Makes an imported .rules text compile by turning what grokflow rejects into comments that quote the error: a rule
/// line (a construct grokflow does not support yet, or a rule referencing one), a processor setting, or, when the error
/// is on a block's first line, the whole block. One unsupported rule so does not lose the whole pipeline. Rules
/// depending on a commented-out rule fail in turn and are commented out on the next pass.
/// </summary>
public static class CompilableRules
{
    /// <summary>The start of a commented-out line; a rule line continues with <c>GFxxxx message :: rule</c>.</summary>
    public const string DroppedMarker = "# not imported: ";

    /// <summary>Separates the reason from the rule in a commented-out rule line.</summary>
    public const string ReasonSeparator = " :: ";

    public static (string Text, ImmutableArray<string> Dropped) Repair(string rulesText)
    {
        var lines = rulesText.Split('\n');
        var dropped = ImmutableArray.CreateBuilder<string>();
        // Each pass comments out at least one line, so the number of lines bounds the passes.
        for (var pass = 0; pass < lines.Length; pass++)
        {
            var errors = RulesCompiler.Compile(string.Join('\n', lines)).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count == 0) break;
            var layout = new RulesTextLayout(lines);
            var changed = false;
            foreach (var error in errors.GroupBy(e => e.Line).Select(g => g.First()))
            {
                var index = error.Line - 1;
                if (index < 0 || index >= lines.Length || lines[index].TrimStart().StartsWith('#')) continue;
                var reason = $"{error.Code} {RulesLiteral.OneLine(error.Message)}";
                var line = lines[index].TrimStart();
                switch (layout.RoleOf(index), layout.Opens(index))
                {
                    case (RulesLineRole.Open, RulesTextLayout.BlockKind.Pipeline) when index == TopPipelineLine(lines):
                        // A pipeline left without any step: nothing to run, so the pipeline becomes a note.
                        dropped.Add($"{error.Code}: {error.Message}");
                        for (var i = 0; i < lines.Length; i++) lines[i] = lines[i].Length == 0 || lines[i].StartsWith('#') ? lines[i] : "# " + lines[i];
                        return (string.Join('\n', lines), dropped.ToImmutable());
                    case (RulesLineRole.Open, var kind):
                        dropped.Add($"{error.Code}: {error.Message} ({KindName(kind)}: {line})");
                        CommentOut(lines, index, reason);
                        for (var i = index + 1; i <= layout.CloseOf(index); i++) CommentOut(lines, i, null);
                        break;
                    case (RulesLineRole.Rule, _):
                        dropped.Add($"{error.Code}: {error.Message} (rule: {line})");
                        CommentOut(lines, index, reason);
                        break;
                    case (RulesLineRole.Line, _):
                        dropped.Add($"{error.Code}: {error.Message} (setting: {line})");
                        CommentOut(lines, index, reason);
                        break;
                    default:
                        continue;
                }
                changed = true;
            }
            if (!changed) break;
        }
        return (string.Join('\n', lines), dropped.ToImmutable());
    }

    private static int TopPipelineLine(string[] lines) => Array.FindIndex(lines, l => l.StartsWith("pipeline ", StringComparison.Ordinal));

    private static void CommentOut(string[] lines, int index, string? reason)
    {
        var line = lines[index].TrimStart();
        if (line.Length == 0 || line.StartsWith('#')) return;
        var indent = lines[index][..(lines[index].Length - line.Length)];
        lines[index] = indent + DroppedMarker + (reason is null ? "" : reason + ReasonSeparator) + line;
    }

    private static string KindName(RulesTextLayout.BlockKind? kind) => kind switch
    {
        RulesTextLayout.BlockKind.Grok => "grok block",
        RulesTextLayout.BlockKind.Pipeline => "nested pipeline",
        RulesTextLayout.BlockKind.Processor => "processor",
        _ => "block",
    };
}
