namespace GrokFlow.Engine.Processing;

/// <summary>Document operations of the processors' steps.</summary>
public sealed partial class EventDocument
{
    /// <summary>
    /// Adds <paramref name="members"/> to object <paramref name="obj"/> without looking for existing ones (as
    /// <see cref="AddMember(int, ReadOnlySpan{byte})"/> does for one): their text is copied once and each member is a
    /// new node pointing into it.
    /// </summary>
    public void AddMembers(int obj, PreparedMembers members)
    {
        var text = AppendText(members.Text);
        // New nodes are numbered in order: an entry's node is the first new node plus its index.
        var first = _nodeCount;
        foreach (var entry in members.Entries)
        {
            var node = NewNode(entry.Parent < 0 ? obj : first + entry.Parent, entry.IsObject ? EventValueKind.Object : EventValueKind.String);
            ref var added = ref _nodes[node];
            added.KeyStart = text + entry.KeyStart;
            added.KeyLength = entry.KeyLength;
            added.TextStart = text + entry.ValueStart;
            added.TextLength = entry.ValueLength;
        }
        _dottedNames |= members.Dotted;
    }

    /// <summary>
    /// <see cref="GetOrCreate"/> of <paramref name="path"/>, given <paramref name="member"/>, which
    /// <see cref="Find(AttributePath, int)"/> gave for a path with the same segments but the last: while no member's
    /// name holds a dot, that lookup went through the nested objects the target's walk would, so the target is looked
    /// for, or added, in <paramref name="member"/>'s parent.
    /// </summary>
    public int GetOrCreateBeside(int member, AttributePath path)
    {
        if (_dottedNames) return GetOrCreate(path);
        var parent = _nodes[member].Parent;
        var name = path.Segment(path.SegmentCount - 1);
        var found = Find(parent, name);
        return found != None ? found : AddMember(parent, name, dotted: false);
    }
}
