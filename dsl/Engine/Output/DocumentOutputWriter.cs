using GrokFlow.Engine.Processing;

namespace GrokFlow.Engine.Output;

/// <summary>
/// <see cref="OutputWriter"/> for a rule whose attributes go straight into an event document (a grok step of a pipeline
/// with processors): the same path tree and values, merged into the document as <see cref="EventDocument.MergeObject"/>
/// merges a JSON object: an object merges into an object member of the same name, anything else replaces the member.
/// </summary>
internal static class DocumentOutputWriter
{
    public static void Write(OutputPlan plan, ReadOnlySpan<OutputValue> values, ReadOnlySpan<bool> present, ReadOnlySpan<byte> input,
        OutputWorkspace workspace, EventDocument document, int into)
    {
        var nodes = plan.Nodes.AsSpan();
        foreach (var root in plan.Roots)
        {
            if (present[root]) WriteNode(nodes, root, values, present, input, workspace, document, into, inAdded: false);
        }
    }

    /// <summary>
    /// Node <paramref name="index"/> into object <paramref name="obj"/>; in an object this write added
    /// (<paramref name="inAdded"/>) there is nothing to find: its members are the nodes', each written once.
    /// </summary>
    private static void WriteNode(ReadOnlySpan<OutputNode> nodes, int index, ReadOnlySpan<OutputValue> values, ReadOnlySpan<bool> present,
        ReadOnlySpan<byte> input, OutputWorkspace workspace, EventDocument document, int obj, bool inAdded)
    {
        var node = nodes[index];
        var added = inAdded;
        var member = inAdded
            ? document.AddMember(obj, node.Key)
            : document.FindOrAddMember(obj, node.Key, out added);
        var count = OutputWriter.CountValues(node, values);
        if (count > 0)
        {
            if (count > 1) document.SetArray(member);
            foreach (var leaf in node.Leaves)
            {
                if (!values[leaf].HasValue) continue;
                SetValue(document, count > 1 ? document.AddElement(member) : member, values[leaf], input, workspace);
            }
            return;
        }
        if (added || document.KindOf(member) != EventValueKind.Object) document.SetObject(member);
        foreach (var child in node.Children)
        {
            if (present[child]) WriteNode(nodes, child, values, present, input, workspace, document, member, added);
        }
    }

    /// <summary>A scalar value into a document node: the one writer of grok values into documents.</summary>
    internal static void SetValue(EventDocument document, int node, in OutputValue value, ReadOnlySpan<byte> input, OutputWorkspace workspace)
    {
        switch (value.Kind)
        {
            case OutputValueKind.InputText:
                var text = input.Slice(value.Start, value.Length);
                if (!document.TrySetAsciiSlice(node, text)) document.SetSharedString(node, OutputWriter.ValidText(text, workspace));
                break;
            case OutputValueKind.WorkspaceText:
                document.SetString(node, OutputWriter.ValidText(workspace.Text(value.Start, value.Length), workspace));
                break;
            case OutputValueKind.Integer:
                document.SetInteger(node, value.Integer);
                break;
            case OutputValueKind.Double:
                document.SetDouble(node, value.Double);
                break;
            case OutputValueKind.Boolean:
                document.SetBool(node, value.Boolean);
                break;
        }
    }
}
