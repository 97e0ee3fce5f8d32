namespace GrokFlow.Engine.Values.Structured.UserAgent;

/// <summary>
/// The adjacent character pairs of a text, ASCII letters folded to lower case and every non-ASCII character counted as
/// one: a text lacks a literal (compared ordinally or ignoring ASCII case) when it lacks one of the literal's pairs,
/// which is cheaper to test than searching the text for each of ~1,000 literals.
/// </summary>
internal readonly ref struct CharacterPairs
{
    /// <summary>Bits for 128 × 128 pairs.</summary>
    public const int Words = 128 * 128 / 64;

    private readonly Span<ulong> _bits;

    /// <summary>Records the pairs of <paramref name="text"/> in <paramref name="bits"/> (<see cref="Words"/> long).</summary>
    public CharacterPairs(string text, Span<ulong> bits)
    {
        _bits = bits;
        bits.Clear();
        for (var i = 1; i < text.Length; i++)
        {
            var pair = Pair(text[i - 1], text[i]);
            bits[pair >> 6] |= 1UL << (pair & 63);
        }
    }

    /// <summary>The pair keys of a literal, computed once when the database is read.</summary>
    public static int[] Of(string literal)
    {
        var pairs = new int[Math.Max(0, literal.Length - 1)];
        for (var i = 1; i < literal.Length; i++) pairs[i - 1] = Pair(literal[i - 1], literal[i]);
        return pairs;
    }

    /// <summary>False when the text cannot contain a literal with these pairs.</summary>
    public bool MayContain(int[] pairs)
    {
        foreach (var pair in pairs)
            if ((_bits[pair >> 6] & (1UL << (pair & 63))) == 0) return false;
        return true;
    }

    private static int Pair(char first, char second) => (Fold(first) << 7) | Fold(second);

    private static int Fold(char c) => c >= 128 ? 0 : c is >= 'A' and <= 'Z' ? c + 32 : c;
}
