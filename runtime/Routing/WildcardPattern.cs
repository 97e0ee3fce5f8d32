using System.Text;

namespace GrokFlow.Runtime.Routing;

/// <summary>
/// A search value with <c>*</c> (any run) and <c>?</c> (one character) wildcards, matched case-insensitively (ASCII)
/// against UTF-8 bytes, as Datadog matches reserved attributes and tags.
/// </summary>
internal sealed class WildcardPattern
{
    private const byte AnyRun = 0xFF;   // never in UTF-8 text, so usable as an in-band marker
    private const byte AnyOne = 0xFE;
    private readonly byte[] _pattern;
    private readonly bool _hasWildcards;

    /// <param name="text">The value; <paramref name="wildcardPositions"/> says which characters are unescaped wildcards.</param>
    public WildcardPattern(string text, IReadOnlySet<int> wildcardPositions)
    {
        Text = text;
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (wildcardPositions.Contains(i)) bytes.Add(text[i] == '*' ? AnyRun : AnyOne);
            else bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
        }
        _pattern = bytes.ToArray();
        _hasWildcards = wildcardPositions.Count > 0;
    }

    public string Text { get; }

    public bool IsMatch(ReadOnlySpan<byte> value) =>
        _hasWildcards ? Matches(_pattern, value) : Ascii.EqualsIgnoreCase(_pattern, value);

    // Iterative glob with single backtrack point: linear in practice, no recursion.
    private static bool Matches(ReadOnlySpan<byte> pattern, ReadOnlySpan<byte> value)
    {
        int p = 0, v = 0, starP = -1, starV = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] == AnyRun)
            {
                starP = p++;
                starV = v;
            }
            else if (p < pattern.Length && (pattern[p] == AnyOne ? SkipOne(value, ref v) : SameByte(pattern[p], value[v]) && ++v > 0))
            {
                p++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                v = ++starV;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == AnyRun) p++;
        return p == pattern.Length;
    }

    private static bool SkipOne(ReadOnlySpan<byte> value, ref int v)
    {
        v++;
        while (v < value.Length && (value[v] & 0xC0) == 0x80) v++;   // the rest of a multi-byte character
        return true;
    }

    private static bool SameByte(byte a, byte b) =>
        a == b || ((uint)((a | 0x20) - 'a') <= 'z' - 'a' && (a | 0x20) == (b | 0x20));
}
