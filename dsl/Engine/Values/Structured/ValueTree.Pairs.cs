using GrokFlow.Engine.Output;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Engine.Values.Structured;

/// <summary>
/// A <c>keyvalue</c> filter's pairs written into an event document without members in the tree
/// (<see cref="KeyValueParser.ParsePairs"/>): the document gets what the filter's object would give it, merged as
/// <see cref="MergeMembersInto"/> merges it.
/// </summary>
internal sealed partial class ValueTree
{
    private struct PairEntry
    {
        public int KeyStart;
        public int KeyLength;
        public bool KeyDotted;
        public OutputValue Value;
    }

    private PairEntry[] _pairs = new PairEntry[16];
    private int _pairCount;
    private int[] _pairSet = new int[16];

    /// <summary>A node for pairs (<see cref="AddPair"/> adds them, before any other node takes pairs).</summary>
    public int NewPairs()
    {
        var node = NewNode(TreeNodeKind.Pairs, default);
        _nodes[node].First = _nodes[node].Last = _pairCount;
        return node;
    }

    /// <summary>
    /// Adds a pair to the last <see cref="NewPairs"/> node: the key's bytes in the line (no empty segment at either
    /// end, a valid UTF-8 name), whether they hold a dot, and its value.
    /// </summary>
    public void AddPair(int pairs, int keyStart, int keyLength, bool keyDotted, OutputValue value)
    {
        if (_pairCount == _pairs.Length) Array.Resize(ref _pairs, _pairs.Length * 2);
        _pairs[_pairCount++] = new PairEntry { KeyStart = keyStart, KeyLength = keyLength, KeyDotted = keyDotted, Value = value };
        _nodes[pairs].Last = _pairCount;
    }

    /// <summary>Whether a pair's top-level member (its key's first segment) is <paramref name="name"/>.</summary>
    public bool PairsName(int pairs, ReadOnlySpan<byte> name, ReadOnlySpan<byte> input)
    {
        for (var p = _nodes[pairs].First; p < _nodes[pairs].Last; p++)
        {
            var key = input.Slice(_pairs[p].KeyStart, _pairs[p].KeyLength);
            if ((_pairs[p].KeyDotted ? key[..key.IndexOf((byte)'.')] : key).SequenceEqual(name)) return true;
        }
        return false;
    }

    /// <summary>
    /// The pairs into object <paramref name="into"/>, as the tree <see cref="KeyValueParser.Parse"/> builds would merge:
    /// dotted keys nest, a key seen again replaces its value, and a member given a value keeps it over deeper keys
    /// given before or after it (the tree writes a member's value and not its children).
    /// </summary>
    private void MergePairsInto(int pairs, EventDocument document, int into, ReadOnlySpan<byte> input, OutputWorkspace workspace)
    {
        var set = 0;
        for (var p = _nodes[pairs].First; p < _nodes[pairs].Last; p++)
        {
            var key = input.Slice(_pairs[p].KeyStart, _pairs[p].KeyLength);
            var obj = into;
            // The usual key, one segment, is not searched for dots.
            var dotted = _pairs[p].KeyDotted;
            while (true)
            {
                var dot = dotted ? key.IndexOf((byte)'.') : -1;
                if (dot == 0)
                {
                    key = key[1..];
                    continue;
                }
                var segment = dot < 0 ? key : key[..dot];
                var member = document.FindOrAddSharedMember(obj, segment, EventDocument.KeyWordOf(segment), dotted: false, out var added);
                if (dot < 0)
                {
                    DocumentOutputWriter.SetValue(document, member, _pairs[p].Value, input, workspace);
                    if (set == _pairSet.Length) Array.Resize(ref _pairSet, set * 2);
                    _pairSet[set++] = member;
                    break;
                }
                if (added)
                {
                    document.SetObject(member);
                }
                else if (document.KindOf(member) != EventValueKind.Object)
                {
                    if (_pairSet.AsSpan(0, set).Contains(member)) break;
                    document.SetObject(member);
                }
                obj = member;
                key = key[(dot + 1)..];
            }
        }
    }
}
