using System.Runtime.CompilerServices;

namespace GrokFlow.Engine.Processing;

/// <summary>
/// Names known before any event (<see cref="DocumentKey"/>: a rule's path segments) are kept at the start of the
/// document's text, across <see cref="Reset"/>, so that a member of such a name points at the kept bytes instead of a
/// copy per event. A name seen for the first time is copied as any other for that event, and kept from the next one
/// (text is only ever appended to while an event is built, so the kept part grows between events). Where each kept
/// name starts is in an open-addressed table keyed by the key's reference.
/// </summary>
public sealed partial class EventDocument
{
    /// <summary>At most this many names are kept (the table stays at most half full); later ones are copied per event.</summary>
    internal const int MostKeptNames = 2048;

    private const int FirstTableSize = 64;

    /// <summary>The kept keys, by <see cref="DocumentKey.Hash"/> and linear probing; null slots end a search.</summary>
    private DocumentKey?[] _keptKeys = new DocumentKey?[FirstTableSize];

    /// <summary>Where the kept name of the key in the same slot of <see cref="_keptKeys"/> starts in the text.</summary>
    private int[] _keptStarts = new int[FirstTableSize];

    private int _keptCount;

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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int KeyStartOf(DocumentKey key)
    {
        var keys = _keptKeys;
        var mask = keys.Length - 1;
        for (var slot = key.Hash & mask; ; slot = (slot + 1) & mask)
        {
            var kept = keys[slot];
            if (ReferenceEquals(kept, key)) return _keptStarts[slot];
            if (kept is null) return CopyKeyToKeep(key);
        }
    }

    /// <summary>A name not kept yet: copied for this event, and noted to be kept from the next.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int CopyKeyToKeep(DocumentKey key)
    {
        if (_keptCount + _namesToKeep.Count < MostKeptNames && !_namesToKeep.Contains(key)) _namesToKeep.Add(key);
        return AppendText(key.Utf8);
    }

    /// <summary>Keeps the names noted since the last event; the event's own text is dropped.</summary>
    private void KeepNames()
    {
        _textLength = _keptNamesLength;
        foreach (var key in _namesToKeep)
        {
            if (2 * (_keptCount + 1) > _keptKeys.Length) GrowKeptTable();
            InsertKept(key, AppendText(key.Utf8));
        }
        _keptNamesLength = _textLength;
        _namesToKeep.Clear();
    }

    private void InsertKept(DocumentKey key, int start)
    {
        var mask = _keptKeys.Length - 1;
        var slot = key.Hash & mask;
        while (_keptKeys[slot] is not null) slot = (slot + 1) & mask;
        _keptKeys[slot] = key;
        _keptStarts[slot] = start;
        _keptCount++;
    }

    private void GrowKeptTable()
    {
        var keys = _keptKeys;
        var starts = _keptStarts;
        _keptKeys = new DocumentKey?[keys.Length * 2];
        _keptStarts = new int[keys.Length * 2];
        _keptCount = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] is { } key) InsertKept(key, starts[i]);
        }
    }
}
