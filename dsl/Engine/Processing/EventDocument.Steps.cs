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
}
