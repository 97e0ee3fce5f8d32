namespace GrokFlow.Engine.Processing;

/// <summary>
/// Names known before any event (<see cref="DocumentKey"/>: a rule's path segments) are kept at the start of the
/// document's text, across <see cref="Reset"/>, so that a member of such a name points at the kept bytes instead of a
/// copy per event. A name seen for the first time is copied as any other for that event, and kept from the next one
/// (text is only ever appended to while an event is built, so the kept part grows between events).
/// </summary>
public sealed partial class EventDocument
{
    /// <summary>Names of ids up to this are kept; later ones (a process that builds many rules) are copied per event.</summary>
    internal const int MostKeptNames = 1 << 16;

    /// <summary>For the key of id <c>i</c>, one more than where its kept name starts in the text; 0 while it is not kept.</summary>
    private int[] _keptNames = [];

    /// <summary>The length of the text's kept part: the text starts there after <see cref="Reset"/>.</summary>
    private int _keptNamesLength;

    private readonly List<DocumentKey> _namesToKeep = [];

    /// <summary>Adds a member (null) named <paramref name="key"/> without looking for one.</summary>
    internal int AddMember(int obj, DocumentKey key)
    {
        return AddMemberAt(obj, KeyStartOf(key), key.Utf8.Length, key.Word, key.Dotted);
    }

    /// <summary>The member of object <paramref name="obj"/> named <paramref name="key"/>, added (null) when absent (<paramref name="added"/>).</summary>
    internal int FindOrAddMember(int obj, DocumentKey key, out bool added)
    {
        var member = Find(obj, key.Utf8, key.Word);
        added = member == None;
        return added ? AddMember(obj, key) : member;
    }

    /// <summary>Where <paramref name="key"/>'s name is in the text: the kept bytes, or a copy noted to be kept.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private int KeyStartOf(DocumentKey key)
    {
        var id = key.Id;
        var kept = _keptNames;
        return (uint)id < (uint)kept.Length && kept[id] != 0 ? kept[id] - 1 : CopyKeyToKeep(key);
    }

    /// <summary>A name not kept yet: copied for this event, and noted to be kept from the next.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private int CopyKeyToKeep(DocumentKey key)
    {
        if (key.Id < MostKeptNames && !_namesToKeep.Contains(key)) _namesToKeep.Add(key);
        return AppendText(key.Utf8);
    }

    /// <summary>Keeps the names noted since the last event; the event's own text is dropped.</summary>
    private void KeepNames()
    {
        _textLength = _keptNamesLength;
        foreach (var key in _namesToKeep)
        {
            if (key.Id >= _keptNames.Length) Array.Resize(ref _keptNames, Math.Min(MostKeptNames, Math.Max(key.Id + 1, _keptNames.Length * 2)));
            if (_keptNames[key.Id] == 0) _keptNames[key.Id] = AppendText(key.Utf8) + 1;
        }
        _keptNamesLength = _textLength;
        _namesToKeep.Clear();
    }
}
