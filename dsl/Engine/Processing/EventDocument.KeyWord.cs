using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GrokFlow.Engine.Processing;

/// <summary>
/// Each member keeps its name's first eight bytes as one word (zero-padded, little-endian) beside its length, so that
/// a search compares one word and one length per member and reads bytes only for longer names that match both; most
/// names (<c>http</c>, <c>network</c>, <c>status</c>) fit in the word whole. Each object also keeps one bit per
/// member's word (<see cref="MemberBit"/>): a search for a name whose bit is clear ends without walking the members,
/// as most searches of a member about to be added do. Bits are not cleared when a member is removed (a stale bit only
/// costs the walk).
/// </summary>
public sealed partial class EventDocument
{
    /// <summary>How many of a name's bytes its word holds.</summary>
    private const int WordBytes = sizeof(ulong);

    /// <summary>The first up to eight bytes of <paramref name="key"/> as one word, zero-padded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong KeyWordOf(ReadOnlySpan<byte> key)
    {
        ref var start = ref MemoryMarshal.GetReference(key);
        var length = key.Length;
        if (length >= WordBytes) return Unsafe.ReadUnaligned<ulong>(ref start);
        // Shorter names: overlapping reads of the same bytes, shifted into place; the overlap ORs a byte with itself.
        if (length >= sizeof(uint))
        {
            ulong low = Unsafe.ReadUnaligned<uint>(ref start);
            ulong high = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, length - sizeof(uint)));
            return low | (high << ((length - sizeof(uint)) * 8));
        }
        if (length == 0) return 0;
        ulong first = start;
        ulong middle = Unsafe.Add(ref start, length / 2);
        ulong last = Unsafe.Add(ref start, length - 1);
        return first | (middle << (length / 2 * 8)) | (last << ((length - 1) * 8));
    }

    /// <summary>The bit of a member whose name has word <paramref name="word"/> in its object's member bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MemberBit(ulong word) => 1UL << (int)((word * 0x9E3779B97F4A7C15UL) >> 58);

    /// <summary>Whether a name of this word and length holds a dot.</summary>
    internal static bool HoldsDot(ReadOnlySpan<byte> key, ulong word)
    {
        if (key.Length > WordBytes) return key.Contains((byte)'.');
        // A zero byte in word ^ dots is a dot (padding bytes become dots' complements, never zero).
        var v = word ^ 0x2E2E2E2E2E2E2E2EUL;
        return ((v - 0x0101010101010101UL) & ~v & 0x8080808080808080UL) != 0;
    }

    /// <summary>The word of <paramref name="node"/>'s name (<see cref="KeyWordOf"/>).</summary>
    internal ulong KeyWord(int node) => _nodes[node].KeyWord;

    /// <summary>The length in bytes of <paramref name="node"/>'s name.</summary>
    internal int KeyLength(int node) => _nodes[node].KeyLength;

    /// <summary>Whether <paramref name="node"/>'s name is <paramref name="key"/>, whose word is <paramref name="word"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool KeyEquals(in DocumentNode node, ReadOnlySpan<byte> key, ulong word) =>
        node.KeyWord == word && node.KeyLength == key.Length && (key.Length <= WordBytes || RestEquals(node, key));

    /// <summary>Whether a longer name's bytes past its word are those of <paramref name="key"/> (of the same length).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool RestEquals(in DocumentNode node, ReadOnlySpan<byte> key) =>
        _text.AsSpan(node.KeyStart + WordBytes, node.KeyLength - WordBytes).SequenceEqual(key.Slice(WordBytes));

    /// <summary>The member of object <paramref name="obj"/> named <paramref name="key"/> (of word <paramref name="word"/>), or <see cref="None"/>.</summary>
    private int Find(int obj, ReadOnlySpan<byte> key, ulong word)
    {
        var nodes = _nodes;
        ref readonly var parent = ref nodes[obj];
        if (parent.Kind != EventValueKind.Object || (parent.MemberBits & MemberBit(word)) == 0) return None;
        for (var child = parent.FirstChild; child != None; child = nodes[child].Next)
        {
            if (KeyEquals(in nodes[child], key, word)) return child;
        }
        return None;
    }

    /// <summary>The member of object <paramref name="obj"/> named <paramref name="key"/>, added (null) when absent.</summary>
    internal int FindOrAddMember(int obj, ReadOnlySpan<byte> key)
    {
        var word = KeyWordOf(key);
        var member = Find(obj, key, word);
        return member != None ? member : AddMember(obj, key, word, HoldsDot(key, word));
    }

    /// <summary>
    /// <see cref="FindOrAddMember(int, ReadOnlySpan{byte})"/> for a name whose word (<see cref="KeyWordOf"/>) and dots
    /// the caller knows, and which may be a slice of text the document holds (a key-value pair's key in the message):
    /// an added member then shares it. <paramref name="added"/> tells whether it was absent.
    /// </summary>
    internal int FindOrAddSharedMember(int obj, ReadOnlySpan<byte> key, ulong word, bool dotted, out bool added)
    {
        var member = Find(obj, key, word);
        added = member == None;
        return added ? AddMemberAt(obj, TextStartOf(key), key.Length, word, dotted) : member;
    }

    /// <summary>Gives <paramref name="member"/> of object <paramref name="obj"/> the name stored at <paramref name="keyStart"/>.</summary>
    private void SetKey(ref DocumentNode member, int obj, int keyStart, int keyLength)
    {
        member.KeyStart = keyStart;
        member.KeyLength = keyLength;
        member.KeyWord = KeyWordOf(_text.AsSpan(keyStart, keyLength));
        _nodes[obj].MemberBits |= MemberBit(member.KeyWord);
    }

    /// <summary>Adds a member (null) named <paramref name="key"/>, of word <paramref name="word"/>, without looking for one.</summary>
    internal int AddMember(int obj, ReadOnlySpan<byte> key, ulong word, bool dotted) => AddMemberAt(obj, AppendText(key), key.Length, word, dotted);

    /// <summary>Adds a member (null) whose name is stored at <paramref name="keyStart"/>.</summary>
    private int AddMemberAt(int obj, int keyStart, int keyLength, ulong word, bool dotted)
    {
        _dottedNames |= dotted;
        var node = NewNode(obj, EventValueKind.Null, keyStart, keyLength, word);
        _nodes[obj].MemberBits |= MemberBit(word);
        return node;
    }

    /// <summary>Copies <paramref name="utf8"/> to <paramref name="at"/>: short texts as overlapping words, not a call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyText(ReadOnlySpan<byte> utf8, ref byte at)
    {
        ref var from = ref MemoryMarshal.GetReference(utf8);
        var length = utf8.Length;
        if (length > 2 * WordBytes) utf8.CopyTo(MemoryMarshal.CreateSpan(ref at, length));
        else if (length >= WordBytes)
        {
            Unsafe.WriteUnaligned(ref at, Unsafe.ReadUnaligned<ulong>(ref from));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref at, length - WordBytes), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref from, length - WordBytes)));
        }
        else if (length >= sizeof(uint))
        {
            Unsafe.WriteUnaligned(ref at, Unsafe.ReadUnaligned<uint>(ref from));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref at, length - sizeof(uint)), Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref from, length - sizeof(uint))));
        }
        else
        {
            for (var i = 0; i < length; i++) Unsafe.Add(ref at, i) = Unsafe.Add(ref from, i);
        }
    }
}
