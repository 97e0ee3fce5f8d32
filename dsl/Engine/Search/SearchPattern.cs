using System.Globalization;
using System.Text;

namespace GrokFlow.Engine.Search;

/// <summary>
/// A query value: literal UTF-8 text with unescaped <c>*</c> (any run) and <c>?</c> (one character) wildcards, matched
/// against UTF-8 values case-sensitively (attributes) or ASCII case-insensitively (reserved fields, tags, free text).
/// </summary>
internal sealed class SearchPattern
{
    private const byte AnyRun = 0xFF;   // never in UTF-8 text, so usable as an in-band marker
    private const byte AnyOne = 0xFE;
    private readonly byte[] _pattern;
    private readonly byte[] _literal;

    /// <param name="text">The value with escapes removed.</param>
    /// <param name="wildcardPositions">Which characters of <paramref name="text"/> are unescaped wildcards.</param>
    public SearchPattern(string text, IReadOnlyCollection<int> wildcardPositions)
    {
        Text = text;
        _literal = Encoding.UTF8.GetBytes(text);
        var bytes = new List<byte>(_literal.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (wildcardPositions.Contains(i))
            {
                bytes.Add(text[i] == '*' ? AnyRun : AnyOne);
                continue;
            }
            var length = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            bytes.AddRange(Encoding.UTF8.GetBytes(text.ToCharArray(i, length)));
            i += length - 1;
        }
        _pattern = bytes.ToArray();
        HasWildcards = wildcardPositions.Count > 0;
        IsAnything = HasWildcards && _pattern.Length > 0 && Array.TrueForAll(_pattern, b => b == AnyRun);
        if (!HasWildcards && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            Number = number;
    }

    /// <summary>The value as written, escapes removed (wildcards kept as <c>*</c>/<c>?</c>).</summary>
    public string Text { get; }

    /// <summary>The value as UTF-8 text, wildcards taken literally.</summary>
    public ReadOnlySpan<byte> Literal => _literal;

    public bool HasWildcards { get; }

    /// <summary>Only <c>*</c>: the value exists.</summary>
    public bool IsAnything { get; }

    /// <summary>The value as a number when it is one without wildcards (so <c>@a:200</c> equals 200.0).</summary>
    public double? Number { get; }

    public bool IsMatch(ReadOnlySpan<byte> value, bool ignoreCase) =>
        HasWildcards ? Glob(_pattern, value, ignoreCase) : Utf8Text.Equal(_literal, value, ignoreCase);

    // Iterative glob with a single backtrack point: linear in practice, no recursion, no allocation.
    private static bool Glob(ReadOnlySpan<byte> pattern, ReadOnlySpan<byte> value, bool ignoreCase)
    {
        int p = 0, v = 0, starP = -1, starV = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] == AnyRun)
            {
                starP = p++;
                starV = v;
            }
            else if (p < pattern.Length && pattern[p] == AnyOne)
            {
                v = Utf8Text.NextCharacter(value, v);
                p++;
            }
            else if (p < pattern.Length && Utf8Text.SameByte(pattern[p], value[v], ignoreCase))
            {
                p++;
                v++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                v = Utf8Text.NextCharacter(value, starV);
                starV = v;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == AnyRun) p++;
        return p == pattern.Length;
    }

    public override string ToString() => Text;
}
