using System.Text;
using GrokFlow.Language.Model;

namespace GrokFlow.Generator.Emit;

/// <summary>Writes a node back as pattern text, for the comments that tie generated code to the rule it implements.</summary>
internal static class NodePrinter
{
    public static string Print(Node node, int max = 120)
    {
        var sb = new StringBuilder();
        Append(sb, node);
        var text = CSharpLiterals.CommentText(sb.ToString());
        return text.Length <= max ? text : text.Substring(0, max) + "…";
    }

    private static void Append(StringBuilder sb, Node node)
    {
        switch (node)
        {
            case EmptyNode: break;
            case OriginNode o: sb.Append(o.Description); break;
            case TextNode t:
                foreach (var c in t.Text) sb.Append("\\.[](){}|*+?^$".IndexOf(c) >= 0 ? "\\" + c : c.ToString());
                break;
            case SetNode s: sb.Append(DescribeSet(s.Set)); break;
            case SequenceNode q: foreach (var p in q.Parts) Append(sb, p); break;
            case AlternationNode a:
                sb.Append("(?:");
                for (var i = 0; i < a.Branches.Length; i++)
                {
                    if (i > 0) sb.Append('|');
                    Append(sb, a.Branches[i]);
                }
                sb.Append(')');
                break;
            case RepeatNode r:
                var atomic = r.Body is TextNode { Text.Length: 1 } or SetNode;
                if (!atomic) sb.Append("(?:");
                Append(sb, r.Body);
                if (!atomic) sb.Append(')');
                sb.Append(Quantifier(r.Min, r.Max));
                sb.Append(r.Mode switch { RepeatMode.Lazy => "?", RepeatMode.Possessive => "+", _ => "" });
                break;
            case AtomicNode at: sb.Append("(?>"); Append(sb, at.Body); sb.Append(')'); break;
            case LookaroundNode l:
                sb.Append(l.Ahead ? "(?" : "(?<").Append(l.Negated ? '!' : '=');
                Append(sb, l.Body);
                sb.Append(')');
                break;
            case AnchorNode an:
                sb.Append(an.Kind switch
                {
                    AnchorKind.Start => "\\A",
                    AnchorKind.End => "\\z",
                    AnchorKind.EndOrBeforeFinalNewline => "$",
                    AnchorKind.LineStart => "^",
                    AnchorKind.LineEnd => "$",
                    AnchorKind.WordBoundary => "\\b",
                    _ => "\\B",
                });
                break;
            case CaptureNode c: Append(sb, c.Body); break;
        }
    }

    private static string Quantifier(int min, int max)
    {
        if (max == RepeatNode.Unbounded) return min switch { 0 => "*", 1 => "+", _ => "{" + min + ",}" };
        if (min == 0 && max == 1) return "?";
        return min == max ? "{" + min + "}" : "{" + min + "," + max + "}";
    }

    public static string DescribeSet(CharSet set)
    {
        if (set.Equals(CharSet.Any)) return ".";
        if (set.Equals(CharSet.Digits)) return "[0-9]";
        if (set.Equals(CharSet.Word)) return "\\w";
        if (set.Equals(CharSet.Space)) return "\\s";
        if (set.Equals(CharSet.Space.Negate())) return "\\S";
        if (set.Equals(CharSet.AnyButNewline)) return "[^\\n]";
        if (set.IsSingleCodePoint(out var c) && c is > 0x20 and < 0x7F) return "[" + (char)c + "]";
        var negated = set.Ranges.Length > 0 && set.Ranges[^1].Last == CharSet.MaxCodePoint;
        return negated ? "[^" + set.Negate().ToString().Substring(1) : set.ToString();
    }
}
