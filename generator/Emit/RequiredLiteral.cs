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

    public static string? Of(Node root)
    {
        var best = Collect(root).OrderByDescending(l => Encoding.UTF8.GetByteCount(l)).FirstOrDefault();
        return best is not null && Encoding.UTF8.GetByteCount(best) >= MinimumBytes ? best : null;
    }

    private static IEnumerable<string> Collect(Node node) => NodeWalk.Inner(node) switch
    {
        TextNode { IgnoreCase: false } text => [text.Text],
        SequenceNode sequence => sequence.Parts.SelectMany(Collect),
        RepeatNode { Min: >= 1 } repeat => Collect(repeat.Body),
        LookaroundNode { Ahead: true, Negated: false } ahead => Collect(ahead.Body),
        _ => [],
    };
}
