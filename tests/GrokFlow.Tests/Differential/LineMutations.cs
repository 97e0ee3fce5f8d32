using CsCheck;

namespace GrokFlow.Tests.Differential;

/// <summary>
/// Random lines that almost match: a line that matches, with a few edits (characters inserted, deleted or replaced,
/// parts copied elsewhere, very long runs, a cut), drawing on separators, digits, non-ASCII text and newlines.
/// </summary>
public static class LineMutations
{
    private abstract record Edit
    {
        public abstract string Apply(string line);

        /// <summary>A position from a per-mille share of the length, kept off the middle of a surrogate pair.</summary>
        protected static int At(string line, int permille)
        {
            var at = (int)((long)line.Length * permille / 1000);
            if (at > 0 && at < line.Length && char.IsLowSurrogate(line[at])) at--;
            return at;
        }

        protected static int Span(string line, int at, int count)
        {
            var end = Math.Min(line.Length, at + count);
            if (end > 0 && end < line.Length && char.IsLowSurrogate(line[end])) end++;
            return end - at;
        }
    }

    private sealed record Insert(int Permille, string Text) : Edit
    {
        public override string Apply(string line) => line.Insert(At(line, Permille), Text);
    }

    private sealed record Delete(int Permille, int Count) : Edit
    {
        public override string Apply(string line)
        {
            var at = At(line, Permille);
            return line.Remove(at, Span(line, at, Count));
        }
    }

    private sealed record Replace(int Permille, int Count, string Text) : Edit
    {
        public override string Apply(string line)
        {
            var at = At(line, Permille);
            return line.Remove(at, Span(line, at, Count)).Insert(at, Text);
        }
    }

    private sealed record Copy(int FromPermille, int Count, int ToPermille) : Edit
    {
        public override string Apply(string line)
        {
            var from = At(line, FromPermille);
            var part = line.Substring(from, Span(line, from, Count));
            return line.Insert(At(line, ToPermille), part);
        }
    }

    private sealed record Run(int Permille, string Unit, int Times) : Edit
    {
        public override string Apply(string line) => line.Insert(At(line, Permille), string.Concat(Enumerable.Repeat(Unit, Times)));
    }

    private sealed record RunOfExisting(int Permille, int Times) : Edit
    {
        public override string Apply(string line)
        {
            if (line.Length == 0) return line;
            var at = Math.Min(At(line, Permille), line.Length - 1);
            var unit = line.Substring(at, Span(line, at, 1));
            return line.Insert(at, string.Concat(Enumerable.Repeat(unit, Times)));
        }
    }

    private sealed record Cut(int Permille) : Edit
    {
        public override string Apply(string line) => line[..At(line, Permille)];
    }

    private static readonly string[] Specials =
    [
        " ", " ", "  ", "\t", ":", ",", ".", ";", "-", "_", "=", "/", "\\", "\"", "'", "[", "]", "(", ")", "{", "}", "<", ">",
        "@", "%", "|", "*", "?", "+", "#", "!", "\n", "\r\n", "\r", "0", "1", "9", "255", "-1", "1.5", "1e3", "::", "x", "Z",
        "é", "ü", "ß", "中文", "😀", "\u00a0", "\u200b", "İ", "\u212a", "ſ", "\u0000",
    ];

    /// <summary>A short piece of text: a special character or token, or a few random characters.</summary>
    private static readonly Gen<string> Piece = Gen.Frequency(
        (6, Gen.OneOf(Specials)),
        (3, Gen.Char.AlphaNumeric.Array[1, 6].Select(cs => new string(cs))),
        (1, Gen.Char.Array[1, 3].Select(cs => new string(cs.Select(c => char.IsSurrogate(c) ? '?' : c).ToArray()))));

    private static readonly Gen<int> Permille = Gen.Int[0, 1000];

    private static readonly Gen<Edit> AnyEdit = Gen.Frequency(
        (4, Gen.Select(Permille, Piece, (p, t) => (Edit)new Insert(p, t))),
        (3, Gen.Select(Permille, Gen.Int[1, 8], (p, n) => (Edit)new Delete(p, n))),
        (4, Gen.Select(Permille, Gen.Int[1, 4], Piece, (p, n, t) => (Edit)new Replace(p, n, t))),
        (2, Gen.Select(Permille, Gen.Int[1, 30], Permille, (f, n, t) => (Edit)new Copy(f, n, t))),
        (1, Gen.Select(Permille, Piece, Gen.Int[20, 3000], (p, u, n) => (Edit)new Run(p, u, n))),
        (1, Gen.Select(Permille, Gen.Int[20, 3000], (p, n) => (Edit)new RunOfExisting(p, n))),
        (1, Permille.Select(p => (Edit)new Cut(p))));

    /// <summary>One of <paramref name="lines"/> with zero to four edits (about one line in five is left as it is).</summary>
    public static Gen<string> Of(IReadOnlyList<string> lines) =>
        Gen.Select(Gen.Int[0, lines.Count - 1], Gen.Frequency((1, Gen.Const(0)), (4, Gen.Int[1, 4])), (i, n) => (i, n))
            .SelectMany(pick => AnyEdit.Array[pick.n].Select(edits => edits.Aggregate(lines[pick.i], (line, edit) => edit.Apply(line))));
}
