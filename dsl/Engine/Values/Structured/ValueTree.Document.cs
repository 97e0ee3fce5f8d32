using GrokFlow.Engine.Output;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Engine.Values.Structured;

internal sealed partial class ValueTree
{
    /// <summary>Deeper than this the members are not copied (the caller goes through JSON, which limits depth its own way).</summary>
    private const int MaxCopyDepth = 64;

    /// <summary>
    /// Merges the members <see cref="WriteMembers"/> would write into object <paramref name="into"/> of an event
    /// document, as <see cref="EventDocument.MergeObject"/> would merge that JSON, without writing or reading it: an
    /// object merges into an object member of the same name, anything else replaces the member. False (the document
    /// partly merged) when the tree nests deeper than <see cref="MaxCopyDepth"/> or holds a value JSON would not carry.
    /// </summary>
    public bool TryMergeMembersInto(int obj, EventDocument document, int into, ReadOnlySpan<byte> input, OutputWorkspace workspace) =>
        TryMergeMembers(obj, document, into, input, workspace, depth: 1);

    private bool TryMergeMembers(int obj, EventDocument document, int into, ReadOnlySpan<byte> input, OutputWorkspace workspace, int depth)
    {
        if (depth > MaxCopyDepth) return false;
        for (var m = _nodes[obj].First; m >= 0; m = _members[m].Next)
        {
            var count = PresentValueCount(m);
            var children = _members[m].Children;
            if (count == 0 && (children < 0 || !IsPresent(children))) continue;
            var key = MemberKey(m);
            var member = document.Find(into, key);
            if (member == EventDocument.None) member = document.AddMember(into, key);
            if (count == 0)
            {
                if (!TryMergeObject(children, document, member, input, workspace, depth + 1)) return false;
                continue;
            }
            if (count == 1)
            {
                var value = FirstPresentValue(m);
                if (_nodes[value].Kind == TreeNodeKind.Object)
                {
                    if (!TryMergeObject(value, document, member, input, workspace, depth + 1)) return false;
                }
                else if (!TrySetNode(value, document, member, input, workspace, depth + 1)) return false;
                continue;
            }
            document.SetArray(member);
            for (var v = _members[m].FirstValue; v >= 0; v = _items[v].Next)
            {
                if (IsPresent(_items[v].Node) && !TrySetNode(_items[v].Node, document, document.AddElement(member), input, workspace, depth + 1))
                    return false;
            }
        }
        return true;
    }

    private int FirstPresentValue(int member)
    {
        var v = _members[member].FirstValue;
        while (!IsPresent(_items[v].Node)) v = _items[v].Next;
        return _items[v].Node;
    }

    // An object value merges into a member that already holds an object, and replaces anything else.
    private bool TryMergeObject(int obj, EventDocument document, int member, ReadOnlySpan<byte> input, OutputWorkspace workspace, int depth)
    {
        if (document.KindOf(member) != EventValueKind.Object) document.SetObject(member);
        return TryMergeMembers(obj, document, member, input, workspace, depth);
    }

    private bool TrySetNode(int node, EventDocument document, int target, ReadOnlySpan<byte> input, OutputWorkspace workspace, int depth)
    {
        switch (_nodes[node].Kind)
        {
            case TreeNodeKind.Scalar:
                return TrySetScalar(_nodes[node].Value, document, target, input, workspace);
            case TreeNodeKind.Null:
                document.SetNull(target);
                return true;
            case TreeNodeKind.Object:
                document.SetObject(target);
                return TryMergeMembers(node, document, target, input, workspace, depth);
            default:
                if (depth > MaxCopyDepth) return false;
                // Arrays keep their elements as they are (nulls, empty objects), as WriteMembers writes them.
                document.SetArray(target);
                for (var i = _nodes[node].First; i >= 0; i = _items[i].Next)
                {
                    if (!TrySetNode(_items[i].Node, document, document.AddElement(target), input, workspace, depth + 1)) return false;
                }
                return true;
        }
    }

    // False for a value the writer would not write (nothing, or a double it cannot format): JSON decides those.
    private static bool TrySetScalar(in OutputValue value, EventDocument document, int target, ReadOnlySpan<byte> input, OutputWorkspace workspace)
    {
        switch (value.Kind)
        {
            case OutputValueKind.InputText:
                document.SetString(target, OutputWriter.ValidText(input.Slice(value.Start, value.Length), workspace));
                return true;
            case OutputValueKind.WorkspaceText:
                document.SetString(target, OutputWriter.ValidText(workspace.Text(value.Start, value.Length), workspace));
                return true;
            case OutputValueKind.Integer:
                document.SetInteger(target, value.Integer);
                return true;
            case OutputValueKind.Double when double.IsFinite(value.Double):
                document.SetDouble(target, value.Double);
                return true;
            case OutputValueKind.Boolean:
                document.SetBool(target, value.Boolean);
                return true;
            default:
                return false;
        }
    }
}
