using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using GrokFlow.Engine.Values;

namespace GrokFlow.Engine.Matching;

/// <summary>
/// A choice between names of ASCII letters matched either case, as a date pattern's month, day, half-day and era
/// names expand (<c>(?:[Ss][Ee][Pp][Tt][Ee][Mm][Bb][Ee][Rr]|...|[Ss][Ee][Pp])</c>). The names that start with the
/// input's letter are tried in the order written, which is the order backtracking tries the branches; the others are
/// never looked at (a branch starting with another letter cannot match).
/// </summary>
public sealed unsafe class CaseFoldedNames
{
    private const int Letters = 26;

    /// <summary>The names in branch order, lower case.</summary>
    private readonly byte[][] _names;

    /// <summary>
    /// Each name packed as <see cref="CaseInsensitiveName"/> packs it (up to eight letters in one word), for its
    /// one-word compare when eight bytes of input are at hand.
    /// </summary>
    private readonly (ulong Lower, ulong Fold, ulong Mask, int Length)[] _packed;

    /// <summary>For each first letter ('a' to 'z'), the indices in <see cref="_names"/> of the names starting with it, in branch order.</summary>
    private readonly int[][] _byFirstLetter = new int[Letters][];

    /// <param name="names">The names in branch order, separated by '|': ASCII letters only.</param>
    public CaseFoldedNames(ReadOnlySpan<byte> names)
    {
        var list = new List<byte[]>();
        while (true)
        {
            var bar = names.IndexOf((byte)'|');
            var name = (bar < 0 ? names : names[..bar]).ToArray();
            if (name.Length == 0 || Array.Exists(name, b => (uint)((b | 0x20) - 'a') >= Letters))
                throw new ArgumentException("each name must be one or more ASCII letters", nameof(names));
            for (var i = 0; i < name.Length; i++) name[i] |= 0x20;
            list.Add(name);
            if (bar < 0) break;
            names = names[(bar + 1)..];
        }
        _names = [.. list];
        _packed = [.. _names.Select(n => new CaseInsensitiveName(Encoding.ASCII.GetString(n), 0).Packed)];
        for (var letter = 0; letter < Letters; letter++)
            _byFirstLetter[letter] = [.. Enumerable.Range(0, _names.Length).Where(i => _names[i][0] == 'a' + letter)];
    }

    /// <summary>
    /// True when <paramref name="next"/> matched after one of the names that <paramref name="pos"/> starts with, tried
    /// in branch order: what a generated alternation of the names does, written once.
    /// </summary>
    public bool TryEach(ref MatchState s, int pos, delegate*<ref MatchState, int, bool> next)
    {
        for (int cursor = 0, length; (length = NextMatch(s.Input, pos, ref cursor)) > 0;)
        {
            if (next(ref s, pos + length)) return true;
            if (s.OutOfBudget) return false;
        }
        return false;
    }

    /// <summary>
    /// The length of the next name (from <paramref name="cursor"/> on, in branch order) that <paramref name="input"/>
    /// at <paramref name="pos"/> starts with, ignoring ASCII case; 0 when none is left. The cursor moves past it, so
    /// calling again lists the other names that match, in order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextMatch(ReadOnlySpan<byte> input, int pos, ref int cursor)
    {
        if ((uint)pos >= (uint)input.Length) return 0;
        var letter = (uint)((input[pos] | 0x20) - 'a');
        if (letter >= Letters) return 0;
        var candidates = _byFirstLetter[letter];
        var word = input.Length - pos >= sizeof(ulong) ? BinaryPrimitives.ReadUInt64LittleEndian(input[pos..]) : 0;
        while (cursor < candidates.Length)
        {
            var index = candidates[cursor++];
            var (lower, fold, mask, _) = _packed[index];
            // Fewer than eight bytes of input, a name longer than eight letters, or text outside ASCII within the name:
            // the byte-by-byte way decides (a regex's [Kk] is ASCII only, so no other character may fold).
            var compared = word == 0 ? -1 : CaseInsensitiveName.ComparePacked(word, lower, fold, mask);
            if (compared == 1 || (compared < 0 && Utf8Match.StartsWithIgnoreCase(input, pos, _names[index]))) return _names[index].Length;
        }
        return 0;
    }
}
