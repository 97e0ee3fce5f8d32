using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace GrokFlow.Engine.Matching;

/// <summary>
/// A choice between names of ASCII letters matched either case, as a date pattern's month, day, half-day and era
/// names expand (<c>(?:[Ss][Ee][Pp][Tt][Ee][Mm][Bb][Ee][Rr]|...|[Ss][Ee][Pp])</c>). The names that start with the
/// input's two letters are tried in the order written, which is the order backtracking tries the branches; the others
/// are never looked at (a branch starting with other letters cannot match): a month is one of two or three names.
/// </summary>
public sealed unsafe class CaseFoldedNames
{
    private const int Letters = 26;

    // OR-ing 0x20 into a byte gives a lower-case letter only when the byte is that letter in either case ('A'/'a'
    // both give 'a'; no other byte, ASCII or not, gives a letter), which is all a regex's [Aa] accepts.
    private const ulong FoldAll = 0x2020_2020_2020_2020;

    /// <summary>Second bytes told apart: a letter, or anything else (which only a one-letter name can be followed by).</summary>
    private const int Seconds = Letters + 1;

    /// <summary>
    /// The names that can start with each pair of first letter and second byte (<see cref="Bucket"/>), in branch order,
    /// one bucket after another: bucket b's from <c>_starts[b]</c> to <c>_starts[b + 1]</c>.
    /// </summary>
    private readonly Name[] _names;

    private readonly int[] _starts = new int[(Letters * Seconds) + 1];

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
        // Each name in its bucket (a one-letter name in every bucket of its letter); a stable sort keeps branch order.
        var placed = list.SelectMany((name, branch) => (name.Length == 1
                ? Enumerable.Range((name[0] - 'a') * Seconds, Seconds)
                : [Bucket(name[0], name[1])]).Select(bucket => (Bucket: bucket, Branch: branch)))
            .OrderBy(p => p.Bucket).ToList();
        for (int bucket = 0, k = 0; bucket < _starts.Length; bucket++)
        {
            while (k < placed.Count && placed[k].Bucket < bucket) k++;
            _starts[bucket] = k;
        }
        _names = [.. placed.Select(p => new Name(list[p.Branch]))];
    }

    /// <summary>
    /// True when <paramref name="next"/> matched after one of the names that <paramref name="pos"/> starts with, tried
    /// in branch order: what a generated alternation of the names does, written once.
    /// </summary>
    public bool TryEach(ref MatchState s, int pos, delegate*<ref MatchState, int, bool> next)
    {
        var names = Candidates(s.Input, pos, out var word);
        for (var i = 0; (i = NextMatching(names, i, word, s.Input, pos)) < names.Length; i++)
        {
            if (next(ref s, pos + names[i].Length)) return true;
            if (s.OutOfBudget) return false;
        }
        return false;
    }

    /// <summary>
    /// The length of the next name (from <paramref name="cursor"/> on, in branch order) that <paramref name="input"/>
    /// at <paramref name="pos"/> starts with, ignoring ASCII case; 0 when none is left. The cursor moves past it, so
    /// calling again lists the other names that match, in order.
    /// </summary>
    public int NextMatch(ReadOnlySpan<byte> input, int pos, ref int cursor)
    {
        var names = Candidates(input, pos, out var word);
        if (cursor >= names.Length) return 0;
        var found = NextMatching(names, cursor, word, input, pos);
        cursor = found + 1;
        return found < names.Length ? names[found].Length : 0;
    }

    /// <summary>The index of the first of <paramref name="names"/> from <paramref name="from"/> on that the input starts with, or their count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NextMatching(ReadOnlySpan<Name> names, int from, ulong foldedWord, ReadOnlySpan<byte> input, int pos)
    {
        for (; from < names.Length; from++)
        {
            ref readonly var name = ref names[from];
            if ((foldedWord & name.Mask) == name.Lower && (name.Rest is null || Utf8Match.StartsWithIgnoreCase(input, pos + sizeof(ulong), name.Rest)))
                break;
        }
        return from;
    }

    /// <summary>The names that may start at <paramref name="pos"/> (those of its first two bytes), and the text's first word folded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<Name> Candidates(ReadOnlySpan<byte> input, int pos, out ulong foldedWord)
    {
        foldedWord = 0;
        if ((uint)pos >= (uint)input.Length) return default;
        foldedWord = FirstWord(input[pos..]) | FoldAll;
        var bucket = Bucket((byte)foldedWord, (byte)(foldedWord >> 8));
        return bucket < 0 ? default : _names.AsSpan(_starts[bucket].._starts[bucket + 1]);
    }

    /// <summary>The bucket of a name's (or a text's) first byte and second byte, both folded; -1 when the first is not a letter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bucket(int first, int second)
    {
        var (letter, next) = ((uint)(first - 'a'), (uint)(second - 'a'));
        return letter >= Letters ? -1 : ((int)letter * Seconds) + (int)Math.Min(next, Letters);
    }

    /// <summary>The first eight bytes of <paramref name="text"/> as a little-endian word, zeros past its end (a zero never folds to a letter).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong FirstWord(ReadOnlySpan<byte> text)
    {
        if (text.Length >= sizeof(ulong)) return BinaryPrimitives.ReadUInt64LittleEndian(text);
        ulong word = 0;
        for (var i = text.Length - 1; i >= 0; i--) word = (word << 8) | text[i];
        return word;
    }

    /// <summary>A name's first eight letters packed little-endian with a mask over them, and the letters after those.</summary>
    private readonly struct Name
    {
        public Name(byte[] lower)
        {
            Length = lower.Length;
            for (var i = Math.Min(lower.Length, sizeof(ulong)) - 1; i >= 0; i--)
            {
                Lower = (Lower << 8) | lower[i];
                Mask = (Mask << 8) | 0xFF;
            }
            Rest = lower.Length > sizeof(ulong) ? lower[sizeof(ulong)..] : null;
        }

        public readonly ulong Lower, Mask;
        public readonly byte[]? Rest;
        public readonly int Length;
    }
}
