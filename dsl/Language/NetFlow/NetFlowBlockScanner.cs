using System.Collections.Immutable;
using GrokFlow.Language.Diagnostics;
using Pidgin;

namespace GrokFlow.Language.NetFlow;

/// <summary>
/// Finds the <c>netflow</c> blocks of a whole .rules file on its own (a line that starts with <c>netflow</c> opens
/// one), so the NetFlow layouts can be compiled independently of the grok pipelines around them.
/// </summary>
public static class NetFlowBlockScanner
{
    public static (ImmutableArray<NetFlowLayoutSyntax> Blocks, ImmutableArray<RulesDiagnostic> Diagnostics) Scan(string text)
    {
        var blocks = ImmutableArray.CreateBuilder<NetFlowLayoutSyntax>();
        var diagnostics = ImmutableArray.CreateBuilder<RulesDiagnostic>();
        var lineStart = 0;
        var lineNumber = 1;
        while (lineStart < text.Length)
        {
            if (IsBlockStart(text, lineStart))
            {
                var result = NetFlowLayoutParser.Block.Parse(text.Substring(lineStart));
                if (!result.Success)
                {
                    var pos = result.Error!.ErrorPos;
                    diagnostics.Add(new RulesDiagnostic(NetFlowDiagnosticCodes.Syntax,
                        $"netflow block: {result.Error.RenderErrorMessage()}", lineNumber + pos.Line - 1, pos.Col));
                    lineStart = NextLine(text, lineStart);
                    lineNumber++;
                    continue;
                }
                var block = Shift(result.Value, lineNumber - 1);
                blocks.Add(block);
                var blockLines = CountBlockLines(text, lineStart);
                for (var i = 0; i < blockLines; i++) lineStart = NextLine(text, lineStart);
                lineNumber += blockLines;
                continue;
            }
            lineStart = NextLine(text, lineStart);
            lineNumber++;
        }
        return (blocks.ToImmutable(), diagnostics.ToImmutable());
    }

    private static bool IsBlockStart(string text, int at) =>
        string.CompareOrdinal(text, at, "netflow", 0, 7) == 0 && at + 7 < text.Length && (text[at + 7] == ' ' || text[at + 7] == '\t');

    private static int NextLine(string text, int at)
    {
        var newline = text.IndexOf('\n', at);
        return newline < 0 ? text.Length : newline + 1;
    }

    /// <summary>Lines from the block's first line up to the line holding its closing brace, inclusive.</summary>
    private static int CountBlockLines(string text, int at)
    {
        var lines = 0;
        var pos = at;
        while (pos < text.Length)
        {
            var end = text.IndexOf('\n', pos);
            var line = end < 0 ? text.Substring(pos) : text.Substring(pos, end - pos);
            lines++;
            var code = line.Split('#')[0].Trim();
            if (code == "}" || (lines > 1 && code.StartsWith("}", StringComparison.Ordinal))) return lines;
            pos = end < 0 ? text.Length : end + 1;
        }
        return lines;
    }

    private static NetFlowLayoutSyntax Shift(NetFlowLayoutSyntax block, int lines) =>
        lines == 0 ? block : block with
        {
            Line = block.Line + lines,
            Entries = block.Entries.Select(e => new NetFlowEntrySyntax(
                e.Tokens.Select(t => t with { Line = t.Line + lines }).ToImmutableArray())).ToImmutableArray(),
        };
}
