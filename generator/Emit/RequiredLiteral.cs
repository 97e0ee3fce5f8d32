using System.Text;
using GrokFlow.Language.Model;

namespace GrokFlow.Generator.Emit;

/// <summary>
/// The longest literal every match of a rule must contain. A line without it cannot match, so the rule is skipped
/// with one vectorised search instead of a full attempt (and, on failure, a full backtrack).
/// </summary>
internal static class RequiredLiteral
{
    /// <summary>Shorter literals are not worth a search of their own.</summary>
    private const int MinimumBytes = 3;

    /// <summary>The literal, and how many bytes of the line surely come before it (where its search can start).</summary>
    public static (string Text, int At)? Of(Node root)
    {
        var best = Collect(root, 0).OrderByDescending(l => Encoding.UTF8.GetByteCount(l.Text)).FirstOrDefault();
        return best.Text is not null && Encoding.UTF8.GetByteCount(best.Text) >= MinimumBytes ? best : null;
    }

    private static IEnumerable<(string Text, int At)> Collect(Node node, int at) => NodeWalk.Inner(node) switch
    {
        TextNode { IgnoreCase: false } text => [(text.Text, at)],
        SequenceNode sequence => sequence.Parts.SelectMany((part, i) => Collect(part, at + sequence.Parts.Take(i).Sum(p => RequiredByteWindow.Width(p, most: false)!.Value))),
        RepeatNode { Min: >= 1 } repeat => Collect(repeat.Body, at),
        LookaroundNode { Ahead: true, Negated: false } ahead => Collect(ahead.Body, at),
        _ => [],
    };
}
