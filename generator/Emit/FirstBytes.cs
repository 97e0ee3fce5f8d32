using System.Text;
using GrokFlow.Language.Model;

namespace GrokFlow.Generator.Emit;

/// <summary>
/// The bytes a match of a node can start with, so an alternation skips branches that cannot start at the current byte.
/// Null when the node can match the empty string (then what follows decides) or the set is not worth testing.
/// </summary>
internal static class FirstBytes
{
    public static bool[]? Of(Node node)
    {
        var bytes = new bool[256];
        return Collect(node, bytes) ? null : bytes.Count(b => b) == 256 ? null : bytes;
    }

    /// <summary>Adds the possible first bytes of <paramref name="node"/>; returns true when it can match empty.</summary>
    private static bool Collect(Node node, bool[] bytes)
    {
        switch (NodeWalk.Inner(node))
        {
            case TextNode text:
                if (text.Text.Length == 0) return true;
                bytes[Encoding.UTF8.GetBytes(text.Text)[0]] = true;
                return false;
            case SetNode set:
                foreach (var c in set.Set.AsciiMembers()) bytes[c] = true;
                if (!set.Set.IsAsciiOnly)
                    for (var b = 0xC0; b < 0x100; b++) bytes[b] = true;
                return false;
            case SequenceNode sequence:
                foreach (var part in sequence.Parts)
                    if (!Collect(part, bytes)) return false;
                return true;
            case AlternationNode alternation:
                var nullable = false;
                foreach (var branch in alternation.Branches) nullable |= Collect(branch, bytes);
                return nullable;
            case RepeatNode repeat:
                return Collect(repeat.Body, bytes) || repeat.Min == 0;
            default:
                // Anchors, lookarounds and empty nodes consume nothing.
                return true;
        }
    }
}
