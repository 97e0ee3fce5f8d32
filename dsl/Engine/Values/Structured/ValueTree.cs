using System.Text.Unicode;
using GrokFlow.Engine.Output;

namespace GrokFlow.Engine.Values.Structured;

/// <summary>
/// What a tree node holds. <see cref="Pairs"/>: a <c>keyvalue</c> filter's pairs not yet nested into members, only
/// for writing into an event document (<see cref="ValueTree.AddPair"/>).
/// </summary>
internal enum TreeNodeKind : byte { Scalar, Null, Object, Array, Pairs }

/// <summary>
/// The attributes of one line that uses structured filters, built in pooled arrays reused from line to line (no
/// allocation after warm-up). Objects hold members; a member has a key, a list of values (two or more make a JSON
/// array) and an optional child object for deeper paths, as the static path tree of scalar captures does. Scalars
/// are <see cref="OutputValue"/>s (slices of the line or of the workspace text). Keys are copied into the tree.
/// </summary>
internal sealed partial class ValueTree
{
    private struct TreeNode
    {
        // Kind and Presence share the first word: 32 bytes a node.
        public TreeNodeKind Kind;
        public sbyte Presence;
        public int First;
        public int Last;
        public OutputValue Value;
    }

    private struct MemberEntry
    {
        public int KeyStart;
        public int KeyLength;
        public int FirstValue;
        public int LastValue;
        public int ValueCount;
        public int Children;
        public int Next;
    }

    private struct Item
    {
        public int Node;
        public int Next;
    }

    private TreeNode[] _nodes = new TreeNode[64];
    private MemberEntry[] _members = new MemberEntry[64];
    private Item[] _items = new Item[64];
    private byte[] _keys = new byte[512];
    private int _nodeCount, _memberCount, _itemCount, _keyUsed;

    public void Clear() => _nodeCount = _memberCount = _itemCount = _keyUsed = _pairCount = 0;

    public TreeNodeKind Kind(int node) => _nodes[node].Kind;

    public int NewScalar(OutputValue value) => NewNode(TreeNodeKind.Scalar, value);
    public int NewNull() => NewNode(TreeNodeKind.Null, default);
    public int NewObject() => NewNode(TreeNodeKind.Object, default);
    public int NewArray() => NewNode(TreeNodeKind.Array, default);

    private int NewNode(TreeNodeKind kind, OutputValue value)
    {
        if (_nodeCount == _nodes.Length) Array.Resize(ref _nodes, _nodes.Length * 2);
        _nodes[_nodeCount] = new TreeNode { Kind = kind, Value = value, First = -1, Last = -1 };
        return _nodeCount++;
    }

    /// <summary>Appends <paramref name="node"/> to an array node.</summary>
    public void Append(int array, int node)
    {
        ref var a = ref _nodes[array];
        var item = NewItem(node);
        if (a.Last < 0) a.First = item;
        else _items[a.Last].Next = item;
        a.Last = item;
    }

    public int ArrayLength(int array)
    {
        var count = 0;
        for (var i = _nodes[array].First; i >= 0; i = _items[i].Next) count++;
        return count;
    }

    private int NewItem(int node)
    {
        if (_itemCount == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[_itemCount] = new Item { Node = node, Next = -1 };
        return _itemCount++;
    }

    /// <summary>The member of <paramref name="obj"/> named <paramref name="key"/>, added when missing.</summary>
    public int Member(int obj, ReadOnlySpan<byte> key)
    {
        for (var m = _nodes[obj].First; m >= 0; m = _members[m].Next)
        {
            if (_keys.AsSpan(_members[m].KeyStart, _members[m].KeyLength).SequenceEqual(key)) return m;
        }
        var (start, length) = StoreKey(key);
        if (_memberCount == _members.Length) Array.Resize(ref _members, _members.Length * 2);
        var added = _memberCount++;
        _members[added] = new MemberEntry { KeyStart = start, KeyLength = length, FirstValue = -1, LastValue = -1, Children = -1, Next = -1 };
        ref var o = ref _nodes[obj];
        if (o.Last < 0) o.First = added;
        else _members[o.Last].Next = added;
        o.Last = added;
        return added;
    }

    private (int Start, int Length) StoreKey(ReadOnlySpan<byte> key)
    {
        var valid = Utf8.IsValid(key);
        var room = valid ? key.Length : Utf8Repair.MaxByteCount(key.Length);
        if (_keys.Length - _keyUsed < room) Array.Resize(ref _keys, Math.Max(_keys.Length * 2, _keyUsed + room));
        var length = valid ? Copy(key) : Utf8Repair.Repair(key, _keys.AsSpan(_keyUsed));
        var start = _keyUsed;
        _keyUsed += length;
        return (start, length);

        int Copy(ReadOnlySpan<byte> k)
        {
            k.CopyTo(_keys.AsSpan(_keyUsed));
            return k.Length;
        }
    }

    /// <summary>How many levels a dotted key nests at most, as deep as the structured parsers nest values.</summary>
    private const int MaxKeyDepth = 64;

    /// <summary>
    /// The member at a dotted key (<c>db.name</c> is member <c>name</c> of the child object of <c>db</c>); empty
    /// segments are skipped. -1 when the key has no non-empty segment. Past <see cref="MaxKeyDepth"/> levels the rest
    /// of the key stays one literal name, so that a line full of dots cannot nest without bound.
    /// </summary>
    public int MemberAtDottedKey(int obj, ReadOnlySpan<byte> key)
    {
        var member = -1;
        var depth = 0;
        while (true)
        {
            var dot = ++depth < MaxKeyDepth ? key.IndexOf((byte)'.') : -1;
            var segment = dot < 0 ? key : key[..dot];
            if (segment.Length > 0)
            {
                if (member >= 0) obj = ChildrenOf(member);
                member = Member(obj, segment);
            }
            if (dot < 0) return member;
            key = key[(dot + 1)..];
        }
    }

    /// <summary>The child object of a member (for deeper paths), created when missing.</summary>
    public int ChildrenOf(int member)
    {
        if (_members[member].Children < 0)
        {
            var child = NewObject();
            _members[member].Children = child;
        }
        return _members[member].Children;
    }

    /// <summary>Adds a value to a member: one value is written as is, two or more as an array in order.</summary>
    public void AddValue(int member, int node)
    {
        var item = NewItem(node);
        ref var m = ref _members[member];
        if (m.LastValue < 0) m.FirstValue = item;
        else _items[m.LastValue].Next = item;
        m.LastValue = item;
        m.ValueCount++;
    }

    /// <summary>Sets the value of a member, replacing any it had.</summary>
    public void SetValue(int member, int node)
    {
        var item = NewItem(node);
        ref var m = ref _members[member];
        m.FirstValue = item;
        m.LastValue = item;
        m.ValueCount = 1;
    }

    /// <summary>
    /// Merges the members of object <paramref name="source"/> into object <paramref name="target"/>: values are
    /// added (a key in both gives an array), or with <paramref name="replaceValues"/> replace the values already
    /// there; child objects merge recursively. The root merge of <c>%{m::filter}</c> replaces: Datadog's results give
    /// <c>status</c> the key-value pair's <c>up</c>, not an array with the <c>INFO</c> captured before it (calico), and
    /// an object replaces a value that is not one (weave-npc's JSON <c>status</c> object over the <c>DEBU</c> captured
    /// before it).
    /// </summary>
    public void MergeInto(int target, int source, bool replaceValues = false)
    {
        for (var m = _nodes[source].First; m >= 0; m = _members[m].Next)
        {
            var key = _keys.AsSpan(_members[m].KeyStart, _members[m].KeyLength);
            var into = Member(target, key);
            if (replaceValues && (_members[m].FirstValue >= 0 || (_members[m].Children >= 0 && !HoldsAnObject(into))))
            {
                ref var replaced = ref _members[into];
                replaced.ValueCount = 0;
                replaced.FirstValue = replaced.LastValue = -1;
            }
            for (var v = _members[m].FirstValue; v >= 0; v = _items[v].Next) AddValue(into, _items[v].Node);
            var children = _members[m].Children;
            if (children < 0) continue;
            if (_members[into].Children < 0) _members[into].Children = children;
            else MergeInto(_members[into].Children, children, replaceValues);
        }
    }

    private bool HoldsAnObject(int member)
    {
        for (var v = _members[member].FirstValue; v >= 0; v = _items[v].Next)
        {
            if (_nodes[_items[v].Node].Kind == TreeNodeKind.Object) return true;
        }

        return false;
    }

    /// <summary>
    /// Before writing: a member holding exactly one object value and a child object (<c>%{data:a:json}</c> and
    /// <c>%{word:a.c}</c>) writes one merged object, not the leaf alone.
    /// </summary>
    public void MergeObjectValuesWithChildren()
    {
        for (var m = 0; m < _memberCount; m++)
        {
            if (_members[m].ValueCount != 1 || _members[m].Children < 0) continue;
            var value = _items[_members[m].FirstValue].Node;
            if (_nodes[value].Kind != TreeNodeKind.Object) continue;
            _members[m].ValueCount = 0;
            _members[m].FirstValue = _members[m].LastValue = -1;
            var children = _members[m].Children;
            _members[m].Children = value;
            MergeInto(value, children);
        }
    }

    /// <summary>
    /// Whether a node has something to write: nulls, empty arrays and objects without present members do not (Datadog
    /// drops <c>"additional_details":[]</c> from a <c>json</c> filter's object). Inside an array every element is kept.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool IsPresent(int node) => _nodes[node].Kind == TreeNodeKind.Scalar || IsContainerPresent(node);

    private bool IsContainerPresent(int node)
    {
        ref var n = ref _nodes[node];
        switch (n.Kind)
        {
            case TreeNodeKind.Scalar:
                return true;
            case TreeNodeKind.Array:
                return n.First >= 0;
            case TreeNodeKind.Null:
                return false;
            case TreeNodeKind.Pairs:
                return n.Last > n.First;
        }
        if (n.Presence != 0) return n.Presence > 0;
        var present = false;
        for (var m = n.First; m >= 0 && !present; m = _members[m].Next) present = IsMemberPresent(m);
        _nodes[node].Presence = present ? (sbyte)1 : (sbyte)-1;
        return present;
    }

    /// <summary>The first member of object <paramref name="obj"/>, or -1.</summary>
    public int FirstMember(int obj) => _nodes[obj].First;

    /// <summary>The member after <paramref name="member"/>, or -1.</summary>
    public int NextMember(int member) => _members[member].Next;

    public ReadOnlySpan<byte> MemberKey(int member) => _keys.AsSpan(_members[member].KeyStart, _members[member].KeyLength);

    /// <summary>Whether <see cref="WriteMembers"/> writes this member (it has a value or a present child).</summary>
    public bool IsMemberWritten(int member) => IsMemberPresent(member);

    private bool IsMemberPresent(int member) =>
        PresentValueCount(member) > 0 || (_members[member].Children >= 0 && IsPresent(_members[member].Children));

    private int PresentValueCount(int member)
    {
        var count = 0;
        for (var v = _members[member].FirstValue; v >= 0; v = _items[v].Next)
        {
            if (IsPresent(_items[v].Node)) count++;
        }
        return count;
    }

    /// <summary>Writes the present members of an object as properties of the object open on the writer.</summary>
    public void WriteMembers(int obj, in TreeWriteContext context)
    {
        for (var m = _nodes[obj].First; m >= 0; m = _members[m].Next)
            WriteMember(m, context);
    }

    private void WriteMember(int member, in TreeWriteContext context)
    {
        var writer = context.Writer;
        // Keys nest and values nest: together they may go deeper than the writer can write (it would throw).
        if (writer.CurrentDepth >= MaxWriteDepth(writer)) return;
        var count = PresentValueCount(member);
        var key = _keys.AsSpan(_members[member].KeyStart, _members[member].KeyLength);
        if (count > 0)
        {
            // A leaf with a value wins over deeper paths, as for scalar captures.
            writer.WritePropertyName(key);
            if (count > 1) writer.WriteStartArray();
            for (var v = _members[member].FirstValue; v >= 0; v = _items[v].Next)
            {
                if (IsPresent(_items[v].Node)) WriteNode(_items[v].Node, context);
            }
            if (count > 1) writer.WriteEndArray();
            return;
        }
        var children = _members[member].Children;
        if (children < 0 || !IsPresent(children)) return;
        writer.WritePropertyName(key);
        writer.WriteStartObject();
        WriteMembers(children, context);
        writer.WriteEndObject();
    }

    /// <summary>The deepest a member may start at: the writer's limit (1000 by default), less room for its own value.</summary>
    private static int MaxWriteDepth(System.Text.Json.Utf8JsonWriter writer) => (writer.Options.MaxDepth == 0 ? 1000 : writer.Options.MaxDepth) - 2;

    private void WriteNode(int node, in TreeWriteContext context)
    {
        var writer = context.Writer;
        if (_nodes[node].Kind is TreeNodeKind.Object or TreeNodeKind.Array && writer.CurrentDepth >= MaxWriteDepth(writer))
        {
            writer.WriteNullValue();
            return;
        }
        switch (_nodes[node].Kind)
        {
            case TreeNodeKind.Scalar:
                context.WriteValue(_nodes[node].Value);
                break;
            case TreeNodeKind.Null:
                writer.WriteNullValue();
                break;
            case TreeNodeKind.Object:
                writer.WriteStartObject();
                WriteMembers(node, context);
                writer.WriteEndObject();
                break;
            case TreeNodeKind.Array:
                writer.WriteStartArray();
                // Arrays keep their elements as they are (an empty object stays {}), as the peer implementation does.
                for (var i = _nodes[node].First; i >= 0; i = _items[i].Next) WriteNode(_items[i].Node, context);
                writer.WriteEndArray();
                break;
        }
    }
}
