using System.Text;
using GrokFlow.Language.Model;

namespace GrokFlow.Engine.Matching;

/// <summary>
/// Writes a rule's checked <see cref="Node"/> tree as a .NET regular expression that matches the same lines, for the
/// reference interpreter. Everything is explicit so that no .NET option changes the meaning: classes are spelled out
/// (ASCII <c>\w \d \s</c> as the tree gives them), <c>\b</c> is written with ASCII lookarounds (.NET's is Unicode),
/// case-insensitive letters are classes, and a set matches one code point (a surrogate pair for code points above
/// U+FFFF). Capture slot k becomes the named group <c>g{k}</c>.
/// </summary>
public static class RegexTranslator
{
    private const string WordClass = "[0-9A-Za-z_]";

    /// <summary>The whole-line pattern <c>\A(?:...)\z</c> for <paramref name="root"/>.</summary>
    public static string Translate(Node root)
    {
        var sb = new StringBuilder(@"\A(?:");
        Append(sb, root);
        return sb.Append(@")\z").ToString();
    }

    /// <summary>The group name of capture slot <paramref name="slot"/>.</summary>
    public static string GroupName(int slot) => "g" + slot;

    private static void Append(StringBuilder sb, Node node)
    {
        switch (node)
        {
            case EmptyNode:
                break;
            case TextNode text:
                AppendText(sb, text);
                break;
            case SetNode set:
                AppendSet(sb, set.Set);
                break;
            case SequenceNode sequence:
                foreach (var part in sequence.Parts) Append(sb, part);
                break;
            case AlternationNode alternation:
                sb.Append("(?:");
                for (var i = 0; i < alternation.Branches.Length; i++)
                {
                    if (i > 0) sb.Append('|');
                    Append(sb, alternation.Branches[i]);
                }
                sb.Append(')');
                break;
            case RepeatNode repeat:
                AppendRepeat(sb, repeat);
                break;
            case AtomicNode atomic:
                sb.Append("(?>");
                Append(sb, atomic.Body);
                sb.Append(')');
                break;
            case LookaroundNode look:
                sb.Append(look switch
                {
                    { Ahead: true, Negated: false } => "(?=",
                    { Ahead: true, Negated: true } => "(?!",
                    { Ahead: false, Negated: false } => "(?<=",
                    _ => "(?<!",
                });
                Append(sb, look.Body);
                sb.Append(')');
                break;
            case AnchorNode anchor:
                sb.Append(Anchor(anchor.Kind));
                break;
            case CaptureNode capture:
                sb.Append("(?<").Append(GroupName(capture.Slot)).Append('>');
                Append(sb, capture.Body);
                sb.Append(')');
                break;
            case OriginNode origin:
                Append(sb, origin.Body);
                break;
            default:
                throw new ArgumentException($"unknown node {node.GetType().Name}", nameof(node));
        }
    }

    private static void AppendRepeat(StringBuilder sb, RepeatNode repeat)
    {
        var possessive = repeat.Mode == RepeatMode.Possessive;
        // A possessive repeat is an atomic group around the greedy repeat: x*+ is (?>x*).
        if (possessive) sb.Append("(?>");
        sb.Append("(?:");
        Append(sb, repeat.Body);
        sb.Append(')');
        sb.Append((repeat.Min, repeat.Max) switch
        {
            (0, RepeatNode.Unbounded) => "*",
            (1, RepeatNode.Unbounded) => "+",
            (0, 1) => "?",
            (var min, RepeatNode.Unbounded) => $"{{{min},}}",
            var (min, max) when min == max => $"{{{min}}}",
            var (min, max) => $"{{{min},{max}}}",
        });
        if (repeat.Mode == RepeatMode.Lazy) sb.Append('?');
        if (possessive) sb.Append(')');
    }

    private static string Anchor(AnchorKind kind) => kind switch
    {
        AnchorKind.Start => @"\A",
        AnchorKind.End => @"\z",
        AnchorKind.EndOrBeforeFinalNewline => @"\Z",
        AnchorKind.LineStart => "(?m:^)",
        AnchorKind.LineEnd => "(?m:$)",
        AnchorKind.WordBoundary => $"(?:(?<={WordClass})(?!{WordClass})|(?<!{WordClass})(?={WordClass}))",
        AnchorKind.NotWordBoundary => $"(?:(?<={WordClass})(?={WordClass})|(?<!{WordClass})(?!{WordClass}))",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static void AppendText(StringBuilder sb, TextNode text)
    {
        Span<char> pair = stackalloc char[2];
        foreach (var rune in text.Text.EnumerateRunes())
        {
            var c = rune.Value;
            if (text.IgnoreCase && char.IsAsciiLetter((char)c) && c < 0x80)
            {
                sb.Append('[').Append(char.ToUpperInvariant((char)c)).Append(char.ToLowerInvariant((char)c)).Append(']');
            }
            else if (rune.IsBmp)
            {
                AppendChar(sb, c);
            }
            else
            {
                rune.EncodeToUtf16(pair);
                AppendChar(sb, pair[0]);
                AppendChar(sb, pair[1]);
            }
        }
    }

    /// <summary>One code point of the set: a BMP class, or-ed with surrogate pairs for the supplementary members.</summary>
    private static void AppendSet(StringBuilder sb, CharSet set)
    {
        var bmp = new List<(int First, int Last)>();
        var supplementary = new List<(int First, int Last)>();
        foreach (var (first, last) in set.Ranges)
        {
            // Surrogate code points never occur in text decoded from UTF-8, so they are left out of the BMP class.
            AddClipped(bmp, first, last, 0, 0xD7FF);
            AddClipped(bmp, first, last, 0xE000, 0xFFFF);
            AddClipped(supplementary, first, last, 0x10000, CharSet.MaxCodePoint);
        }
        var alternatives = new List<string>();
        if (bmp.Count > 0) alternatives.Add(ClassOf(bmp));
        foreach (var (first, last) in supplementary) alternatives.AddRange(SurrogatePairs(first, last));
        if (alternatives.Count == 0) sb.Append("(?!)");
        else if (alternatives.Count == 1) sb.Append(alternatives[0]);
        else sb.Append("(?:").Append(string.Join("|", alternatives)).Append(')');
    }

    private static void AddClipped(List<(int, int)> into, int first, int last, int low, int high)
    {
        var from = Math.Max(first, low);
        var to = Math.Min(last, high);
        if (from <= to) into.Add((from, to));
    }

    private static string ClassOf(List<(int First, int Last)> ranges)
    {
        var sb = new StringBuilder("[");
        foreach (var (first, last) in ranges)
        {
            AppendChar(sb, first);
            if (last == first) continue;
            if (last > first + 1) sb.Append('-');
            AppendChar(sb, last);
        }
        return sb.Append(']').ToString();
    }

    /// <summary>The UTF-16 surrogate pairs of the code points <paramref name="first"/>..<paramref name="last"/> (all above U+FFFF).</summary>
    private static IEnumerable<string> SurrogatePairs(int first, int last)
    {
        var (highFirst, lowFirst) = Split(first);
        var (highLast, lowLast) = Split(last);
        if (highFirst == highLast)
        {
            yield return Pair(highFirst, highFirst, lowFirst, lowLast);
            yield break;
        }
        yield return Pair(highFirst, highFirst, lowFirst, 0xDFFF);
        if (highFirst + 1 <= highLast - 1) yield return Pair(highFirst + 1, highLast - 1, 0xDC00, 0xDFFF);
        yield return Pair(highLast, highLast, 0xDC00, lowLast);

        static (int High, int Low) Split(int c) => (0xD800 + ((c - 0x10000) >> 10), 0xDC00 + ((c - 0x10000) & 0x3FF));

        static string Pair(int highFrom, int highTo, int lowFrom, int lowTo) =>
            ClassOf([(highFrom, highTo)]) + ClassOf([(lowFrom, lowTo)]);
    }

    private static void AppendChar(StringBuilder sb, int c)
    {
        if (c is >= '0' and <= '9' or >= 'A' and <= 'Z' or >= 'a' and <= 'z') sb.Append((char)c);
        else sb.Append("\\u").Append(c.ToString("X4"));
    }
}
