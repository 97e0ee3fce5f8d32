using System.Collections.Immutable;
using System.Text;

namespace GrokFlow.Language.Model;

/// <summary>
/// A set of Unicode code points as sorted, disjoint, non-adjacent inclusive ranges. Immutable; equality is by content (the ranges).
/// Matching is by code point: a set that holds non-ASCII code points consumes a whole UTF-8 sequence.
/// </summary>
public sealed record CharSet
{
    public const int MaxCodePoint = 0x10FFFF;

    public CharSet(IEnumerable<(int First, int Last)> ranges) => Ranges = Normalize(ranges);

    public EquatableArray<(int First, int Last)> Ranges { get; }

    public static CharSet Of(params (int First, int Last)[] ranges) => new(ranges);
    public static CharSet Single(int c) => new([(c, c)]);
    public static readonly CharSet Digits = Of(('0', '9'));
    public static readonly CharSet Word = Of(('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z'));
    public static readonly CharSet Space = Of(('\t', '\r'), (' ', ' '));
    public static readonly CharSet Any = Of((0, MaxCodePoint));
    public static readonly CharSet AnyButNewline = Of((0, '\n' - 1), ('\n' + 1, MaxCodePoint));

    public bool Contains(int c)
    {
        foreach (var (first, last) in Ranges)
        {
            if (c < first) return false;
            if (c <= last) return true;
        }
        return false;
    }

    public CharSet Negate()
    {
        var result = new List<(int, int)>();
        var next = 0;
        foreach (var (first, last) in Ranges)
        {
            if (first > next) result.Add((next, first - 1));
            next = last + 1;
        }
        if (next <= MaxCodePoint) result.Add((next, MaxCodePoint));
        return new CharSet(result);
    }

    /// <summary>Adds the other case of every ASCII letter and of simple one-to-one Unicode case pairs.</summary>
    public CharSet IgnoreCase()
    {
        var extra = new List<(int, int)>(Ranges);
        foreach (var (first, last) in Ranges)
        {
            for (var c = first; c <= Math.Min(last, 0x24F); c++)
            {
                var ch = (char)c;
                var lower = char.ToLowerInvariant(ch);
                var upper = char.ToUpperInvariant(ch);
                if (lower != ch) extra.Add((lower, lower));
                if (upper != ch) extra.Add((upper, upper));
            }
        }
        return new CharSet(extra);
    }

    /// <summary>True when every member is ASCII (one byte in UTF-8).</summary>
    public bool IsAsciiOnly => Ranges.IsEmpty || Ranges[^1].Last < 0x80;

    /// <summary>True when every code point at or above 0x80 is a member (so a UTF-8 lead or continuation byte always matches).</summary>
    public bool ContainsAllNonAscii => Ranges.Length > 0 && Ranges[^1].Last == MaxCodePoint && Ranges[^1].First <= 0x80;

    /// <summary>The ASCII members.</summary>
    public IEnumerable<int> AsciiMembers()
    {
        foreach (var (first, last) in Ranges)
            for (var c = first; c <= Math.Min(last, 0x7F); c++)
                yield return c;
    }

    public bool IsSingleCodePoint(out int c)
    {
        c = Ranges.Length == 1 && Ranges[0].First == Ranges[0].Last ? Ranges[0].First : -1;
        return c >= 0;
    }

    public override string ToString()
    {
        var sb = new StringBuilder("[");
        foreach (var (first, last) in Ranges)
        {
            sb.Append(Show(first));
            if (last != first) sb.Append('-').Append(Show(last));
        }
        return sb.Append(']').ToString();

        static string Show(int c) => c is > 0x20 and < 0x7F && c != '\\' && c != ']' && c != '-' ? ((char)c).ToString() : $"\\u{c:X4}";
    }

    private static ImmutableArray<(int, int)> Normalize(IEnumerable<(int First, int Last)> ranges)
    {
        var sorted = ranges.Where(r => r.First <= r.Last).OrderBy(r => r.First).ToList();
        var result = ImmutableArray.CreateBuilder<(int, int)>();
        foreach (var (first, last) in sorted)
        {
            if (result.Count > 0 && first <= result[^1].Item2 + 1)
                result[^1] = (result[^1].Item1, Math.Max(result[^1].Item2, last));
            else
                result.Add((first, last));
        }
        return result.ToImmutable();
    }
}
