using System.Text.Json;

namespace GrokFlow.Engine.Output;

/// <summary>
/// A node of the attribute path tree: one path segment, the captures whose path ends here (in capture order; two or
/// more values make an array), and the child segments. A node with both is a leaf and a parent: when any of its own
/// captures has a value the leaf is written and the children are not.
/// </summary>
internal sealed class OutputNode(JsonEncodedText name, int[] leaves, int[] children)
{
    public JsonEncodedText Name { get; } = name;

    /// <summary>The name as a member of a <see cref="JsonMemberRun"/>.</summary>
    public JsonMemberName Member { get; } = new(name);

    /// <summary>The segment as an event document's member name (UTF-8, unescaped).</summary>
    public Processing.DocumentKey Key { get; } = new(System.Text.Encoding.UTF8.GetBytes(name.Value));

    /// <summary>The segment as UTF-8, unescaped (the key an event document stores).</summary>
    public byte[] Utf8Name => Key.Utf8;

    /// <summary>Whether the segment, at the top level, would be one of the reserved fields every event is written with.</summary>
    public bool IsReservedAtRoot { get; } = Events.ReservedFields.IsLeading(System.Text.Encoding.UTF8.GetBytes(name.Value));

    /// <summary>Indexes into <see cref="OutputPlan.Captures"/>.</summary>
    public int[] Leaves { get; } = leaves;

    /// <summary>Indexes into <see cref="OutputPlan.Nodes"/>, all greater than this node's own index.</summary>
    public int[] Children { get; } = children;
}
