using System.Text;
using GrokFlow.Language.Model;

namespace GrokFlow.Generator.Emit;

/// <summary>
/// The bytes a match of a node can start (or end) with: alternations skip branches that cannot start at the current byte,
/// a rule is not tried on a line ending in another byte. Null when it can match empty or the set is not worth testing.
/// </summary>
internal static class FirstBytes
{
    public static bool[]? Of(Node node, bool last = false)
    {
        var bytes = new bool[256];
        return Collect(node, bytes, last) ? null : bytes.Count(b => b) == 256 ? null : bytes;
    }

    /// <summary>
    /// What any match of <paramref name="next"/> can start with: its first bytes, whether it can match at the end of the
    /// line, and the literal it must start with (when one comes before anything that consumes); null when unknown.
    /// </summary>
    public static (bool[] Bytes, bool AtEnd, string? Literal)? Following(Continuation next)
    {
        for (var bytes = new bool[256]; ; )
        {
            switch (next)
            {
                case AcceptContinuation: return (bytes, true, null);
                case CaptureEndContinuation end: next = end.Next; break;
                case EndCallContinuation { Followers: { } followers }: next = new NodeContinuation(followers, new AcceptContinuation()); break;
                case NodeContinuation step when NodeWalk.Inner(step.Node) is SequenceNode sequence: next = ContinuationFacts.Chain(sequence.Parts, step.Next); break;
                case NodeContinuation step when NodeWalk.Inner(step.Node) is TextNode { IgnoreCase: false, Text.Length: > 0 } text && !bytes.Contains(true):
                    bytes[Encoding.UTF8.GetBytes(text.Text)[0]] = true;
                    return (bytes, false, text.Text);
                case NodeContinuation step when Collect(step.Node, bytes): next = step.Next; break;
                case NodeContinuation: return (bytes, false, null);
                default: return null;
            }
        }
    }

    /// <summary>Adds the possible first (or <paramref name="last"/>) bytes of <paramref name="node"/>; returns true when it can match empty.</summary>
    private static bool Collect(Node node, bool[] bytes, bool last = false)
    {
        switch (NodeWalk.Inner(node))
        {
            case TextNode text:
                if (text.Text.Length == 0) return true;
                bytes[last ? Encoding.UTF8.GetBytes(text.Text)[^1] : Encoding.UTF8.GetBytes(text.Text)[0]] = true;
                if (text.IgnoreCase && (last ? text.Text[^1] : text.Text[0]) is var edge && edge < 0x80) bytes[char.ToUpperInvariant(edge)] = bytes[char.ToLowerInvariant(edge)] = true;
                else if (text.IgnoreCase && last) Array.Fill(bytes, true);   // the other case of a last letter outside ASCII may end in another byte
                return false;
            case SetNode set:
                foreach (var c in set.Set.AsciiMembers()) bytes[c] = true;
                if (!set.Set.IsAsciiOnly)
                    for (var b = last ? 0x80 : 0xC0; b < (last ? 0xC0 : 0x100); b++) bytes[b] = true;
                return false;
            case SequenceNode sequence:
                foreach (var part in last ? sequence.Parts.Reverse() : sequence.Parts)
                    if (!Collect(part, bytes, last)) return false;
                return true;
            case AlternationNode alternation:
                var nullable = false;
                foreach (var branch in alternation.Branches) nullable |= Collect(branch, bytes, last);
                return nullable;
            case RepeatNode repeat:
                return Collect(repeat.Body, bytes, last) || repeat.Min == 0;
            default:
                // Anchors, lookarounds and empty nodes consume nothing.
                return true;
        }
    }
}
