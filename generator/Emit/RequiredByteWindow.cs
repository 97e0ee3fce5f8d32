using System.Text;
using GrokFlow.Language.Model;

namespace GrokFlow.Generator.Emit;

/// <summary>
/// A byte every match of a pattern contains near its start: <c>%{ipv6}</c> always has a <c>:</c> within its first
/// five bytes, <c>%{ipv4}</c> a <c>.</c> within its first four. A sub-matcher first looks for that byte in the window
/// (one vectorised search) and reports no end at once when it is missing, instead of trying every branch.
/// </summary>
internal readonly record struct RequiredByteWindow(byte Byte, int Window)
{
    /// <summary>Windows larger than this are not worth the search.</summary>
    private const int MaxWindow = 16;

    public static RequiredByteWindow? Of(Node node)
    {
        RequiredByteWindow? best = null;
        foreach (var candidate in TextBytes(node).Distinct())
        {
            if (Offset(node, candidate) is { } offset && offset < MaxWindow && (best is null || offset + 1 < best.Value.Window))
                best = new RequiredByteWindow(candidate, offset + 1);
        }
        return best;
    }

    /// <summary>The largest offset from the start of a match of <paramref name="node"/> at which <paramref name="b"/> surely occurs.</summary>
    private static int? Offset(Node node, byte b)
    {
        switch (NodeWalk.Inner(node))
        {
            case TextNode text when !text.IgnoreCase || !IsAsciiLetter(b):
                var bytes = Encoding.UTF8.GetBytes(text.Text);
                var at = Array.IndexOf(bytes, b);
                if (at < 0 || (text.IgnoreCase && bytes.Take(at).Any(x => x >= 0x80))) return null;
                return at;
            case SetNode set when set.Set.IsAsciiOnly && set.Set.AsciiMembers().ToArray() is [var only] && only == b:
                return 0;
            case SequenceNode sequence:
                var before = 0;
                foreach (var part in sequence.Parts)
                {
                    if (Offset(part, b) is { } inPart) return before + inPart;
                    if (Width(part, most: true) is not { } width) return null;
                    before += width;
                }
                return null;
            case AlternationNode alternation:
                return AllKnown(alternation.Branches.Select(branch => Offset(branch, b))) is { Count: > 0 } offsets ? offsets.Max() : null;
            case RepeatNode repeat when repeat.Min >= 1:
                return Offset(repeat.Body, b);
            default:
                return null;
        }
    }

    /// <summary>The most bytes a match of <paramref name="node"/> can span (null: unbounded or not known), or (not <paramref name="most"/>) the fewest it surely spans.</summary>
    internal static int? Width(Node node, bool most)
    {
        switch (NodeWalk.Inner(node))
        {
            case TextNode text:
                return !text.IgnoreCase ? Encoding.UTF8.GetByteCount(text.Text) : !most ? 0 : text.Text.Any(c => c >= 0x80) ? null : text.Text.Length;
            case SetNode set:
                return set.Set.IsAsciiOnly || !most ? 1 : 4;
            case SequenceNode sequence:
                return AllKnown(sequence.Parts.Select(part => Width(part, most)))?.Sum();
            case AlternationNode alternation:
                return AllKnown(alternation.Branches.Select(branch => Width(branch, most)))?.DefaultIfEmpty(0) is { } widths ? most ? widths.Max() : widths.Min() : null;
            case RepeatNode repeat:
                return most && repeat.Max == RepeatNode.Unbounded ? null : Width(repeat.Body, most) * (most ? repeat.Max : repeat.Min);
            case LookaroundNode or AnchorNode or EmptyNode:
                return 0;
            default:
                return most ? null : 0;
        }
    }

    /// <summary>The values when every one is known, else null.</summary>
    private static List<int>? AllKnown(IEnumerable<int?> values) =>
        values.ToList() is var list && list.All(v => v is not null) ? list.Select(v => v!.Value).ToList() : null;

    private static IEnumerable<byte> TextBytes(Node node) => NodeWalk.Inner(node) switch
    {
        TextNode text => Encoding.UTF8.GetBytes(text.Text),
        SetNode set when set.Set.IsAsciiOnly && set.Set.AsciiMembers().ToArray() is [var only] => [(byte)only],
        SequenceNode sequence => sequence.Parts.SelectMany(TextBytes),
        AlternationNode alternation => alternation.Branches.SelectMany(TextBytes),
        RepeatNode repeat => TextBytes(repeat.Body),
        _ => [],
    };

    private static bool IsAsciiLetter(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z';
}
