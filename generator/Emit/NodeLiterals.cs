using GrokFlow.Language.Model;

namespace GrokFlow.Generator.Emit;

/// <summary>
/// Writes a rule's matching tree as the C# that rebuilds it, for a rule the generator cannot match: the engine
/// translates the tree to a .NET regex at run time. Origins only name rule text for comments, so they are left out.
/// </summary>
internal static class NodeLiterals
{
    public static string Write(Node node) => node switch
    {
        EmptyNode => "EmptyNode.Instance",
        TextNode t => $"new TextNode({CSharpLiterals.String(t.Text)}, {Bool(t.IgnoreCase)})",
        SetNode s => $"new SetNode(CharSet.Of({string.Join(", ", s.Set.Ranges.Select(r => $"({r.First}, {r.Last})"))}))",
        SequenceNode s => $"new SequenceNode([{string.Join(", ", s.Parts.Select(Write))}])",
        AlternationNode a => $"new AlternationNode([{string.Join(", ", a.Branches.Select(Write))}])",
        RepeatNode r => $"new RepeatNode({Write(r.Body)}, {r.Min}, {r.Max}, RepeatMode.{r.Mode})",
        AtomicNode a => $"new AtomicNode({Write(a.Body)})",
        LookaroundNode l => $"new LookaroundNode({Write(l.Body)}, Ahead: {Bool(l.Ahead)}, Negated: {Bool(l.Negated)})",
        AnchorNode a => $"new AnchorNode(AnchorKind.{a.Kind})",
        CaptureNode c => $"new CaptureNode({c.Slot}, {Write(c.Body)})",
        OriginNode o => Write(o.Body),
        _ => throw new InvalidOperationException($"unknown node {node.GetType().Name}"),
    };

    private static string Bool(bool value) => value ? "true" : "false";
}
