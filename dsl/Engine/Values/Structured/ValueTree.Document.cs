using GrokFlow.Engine.Output;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Engine.Values.Structured;

internal sealed partial class ValueTree
{
    /// <summary>Deeper than this a tree goes through JSON, whose writer and reader limit depth their own way.</summary>
    private const int MaxStraightDepth = 64;

    /// <summary>
    /// Whether <see cref="MergeMembersInto"/> gives what the JSON round trip gives for object <paramref name="obj"/>:
    /// no deeper than <see cref="MaxStraightDepth"/>, and every value one the writer writes (not nothing, not a
    /// double it cannot format).
    /// </summary>
    public bool CanMergeStraight(int obj) => _nodes[obj].Kind == TreeNodeKind.Pairs || CanMergeMembers(obj, depth: 1);

    private bool CanMergeMembers(int obj, int depth)
    {
        if (depth > MaxStraightDepth) return false;
        for (var m = _nodes[obj].First; m >= 0; m = _members[m].Next)
        {
            for (var v = _members[m].FirstValue; v >= 0; v = _items[v].Next)
            {
                if (IsPresent(_items[v].Node) && !CanSet(_items[v].Node, depth + 1)) return false;
            }
            var children = _members[m].Children;
            if (children >= 0 && IsPresent(children) && !CanMergeMembers(children, depth + 1)) return false;
        }
        return true;
    }

    /// <summary>Whether <see cref="SetNodeInto"/> gives what the JSON round trip gives for a value at <paramref name="depth"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool CanSet(int node, int depth)
    {
        ref readonly var n = ref _nodes[node];
        return n.Kind == TreeNodeKind.Scalar ? CanSetScalar(n.Value) : CanSetContainer(node, depth);
    }

    private static bool CanSetScalar(in OutputValue value) =>
        value.Kind is OutputValueKind.InputText or OutputValueKind.WorkspaceText or OutputValueKind.Integer or OutputValueKind.Boolean
        || (value.Kind == OutputValueKind.Double && double.IsFinite(value.Double));

    private bool CanSetContainer(int node, int depth)
    {
        switch (_nodes[node].Kind)
        {
            case TreeNodeKind.Scalar:
                return CanSetScalar(_nodes[node].Value);
            case TreeNodeKind.Null or TreeNodeKind.Pairs:
                return true;
            case TreeNodeKind.Object:
                return CanMergeMembers(node, depth);
            default:
                if (depth > MaxStraightDepth) return false;
                for (var i = _nodes[node].First; i >= 0; i = _items[i].Next)
                {
                    if (!CanSet(_items[i].Node, depth + 1)) return false;
                }
                return true;
        }
    }

    /// <summary>
    /// Merges the members <see cref="WriteMembers"/> would write into object <paramref name="into"/> of an event
    /// document, as <see cref="EventDocument.MergeObject"/> would merge that JSON, without writing or reading it: an
    /// object merges into an object member of the same name, anything else replaces the member. Only for a tree
    /// <see cref="CanMergeStraight"/> accepts.
    /// </summary>
    public void MergeMembersInto(int obj, EventDocument document, int into, ReadOnlySpan<byte> input, OutputWorkspace workspace)
    {
        if (_nodes[obj].Kind == TreeNodeKind.Pairs)
        {
            MergePairsInto(obj, document, into, input, workspace);
            return;
        }
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
                MergeObject(children, document, member, input, workspace);
                continue;
            }
            if (count == 1)
            {
                var value = FirstPresentValue(m);
                if (_nodes[value].Kind == TreeNodeKind.Object) MergeObject(value, document, member, input, workspace);
                else SetNode(value, document, member, input, workspace);
                continue;
            }
            document.SetArray(member);
            for (var v = _members[m].FirstValue; v >= 0; v = _items[v].Next)
            {
                if (IsPresent(_items[v].Node)) SetNode(_items[v].Node, document, document.AddElement(member), input, workspace);
            }
        }
    }

    /// <summary>
    /// A member's one present value into document node <paramref name="member"/>, as <see cref="MergeMembersInto"/>
    /// sets it: an object merges into an object already there, anything else replaces the member's value.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void MergeValueInto(int value, EventDocument document, int member, ReadOnlySpan<byte> input, OutputWorkspace workspace)
    {
        ref readonly var n = ref _nodes[value];
        // A scalar, the usual value, is set here rather than through SetNode's switch.
        if (n.Kind == TreeNodeKind.Scalar) DocumentOutputWriter.SetValue(document, member, n.Value, input, workspace);
        else if (n.Kind is TreeNodeKind.Object or TreeNodeKind.Pairs) MergeObject(value, document, member, input, workspace);
        else SetNode(value, document, member, input, workspace);
    }

    /// <summary>A value into document node <paramref name="target"/>, replacing what it held (an array's element).</summary>
    public void SetNodeInto(int value, EventDocument document, int target, ReadOnlySpan<byte> input, OutputWorkspace workspace) =>
        SetNode(value, document, target, input, workspace);

    private int FirstPresentValue(int member)
    {
        var v = _members[member].FirstValue;
        while (!IsPresent(_items[v].Node)) v = _items[v].Next;
        return _items[v].Node;
    }

    // An object value merges into a member that already holds an object, and replaces anything else.
    private void MergeObject(int obj, EventDocument document, int member, ReadOnlySpan<byte> input, OutputWorkspace workspace)
    {
        if (document.KindOf(member) != EventValueKind.Object) document.SetObject(member);
        MergeMembersInto(obj, document, member, input, workspace);
    }

    private void SetNode(int node, EventDocument document, int target, ReadOnlySpan<byte> input, OutputWorkspace workspace)
    {
        switch (_nodes[node].Kind)
        {
            case TreeNodeKind.Scalar:
                DocumentOutputWriter.SetValue(document, target, _nodes[node].Value, input, workspace);
                break;
            case TreeNodeKind.Null:
                document.SetNull(target);
                break;
            case TreeNodeKind.Object or TreeNodeKind.Pairs:
                document.SetObject(target);
                MergeMembersInto(node, document, target, input, workspace);
                break;
            default:
                // Arrays keep their elements as they are (nulls, empty objects), as WriteMembers writes them.
                document.SetArray(target);
                for (var i = _nodes[node].First; i >= 0; i = _items[i].Next) SetNode(_items[i].Node, document, document.AddElement(target), input, workspace);
                break;
        }
    }
}
