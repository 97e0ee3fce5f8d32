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

    /// <summary>Indexes into <see cref="OutputPlan.Captures"/>.</summary>
    public int[] Leaves { get; } = leaves;

    /// <summary>Indexes into <see cref="OutputPlan.Nodes"/>, all greater than this node's own index.</summary>
    public int[] Children { get; } = children;
}
