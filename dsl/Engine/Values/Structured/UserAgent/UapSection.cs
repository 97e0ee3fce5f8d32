using System.Text;
using System.Text.RegularExpressions;

namespace GrokFlow.Engine.Values.Structured.UserAgent;

/// <summary>
/// The parsers of one kind (user agents, systems or devices), in order, each with the literals one of which any match
/// of its regex contains (<see cref="RequiredLiterals"/>), if they could be read. Trying ~1,200 regexes in the
/// interpreter costs about 1.5 ms per user agent; most of them cannot match because their literals are absent, so
/// <see cref="First"/> tests each distinct literal at most once per user agent and tries only the regexes with a
/// literal present or none known, which gives the same first match as trying every regex in order.
/// </summary>
internal sealed class UapSection
{
    private readonly string[] _literals;
    private readonly bool[] _literalIgnoresCase;
    private readonly int[][] _literalPairs;
    /// <summary>Per parser, its requirements: slots in <see cref="_literals"/>, one of each a match contains.</summary>
    private readonly int[][][] _requirementsOf;

    public UapSection(IReadOnlyList<UapParser> parsers)
    {
        Parsers = parsers;
        var slots = new Dictionary<(string, bool), int>();
        var literals = new List<string>();
        var ignoresCase = new List<bool>();
        int Slot(string literal, bool caseless)
        {
            if (!slots.TryGetValue((literal, caseless), out var slot))
            {
                slots[(literal, caseless)] = slot = literals.Count;
                literals.Add(literal);
                ignoresCase.Add(caseless);
            }
            return slot;
        }
        Requirements = parsers.Select(p => RequiredLiterals.Of(p.Pattern, p.IgnoresCase)).ToArray();
        _requirementsOf = Requirements.Select(r => r.Select(one => one.AnyOf.Select(l => Slot(l, one.IgnoreCase)).ToArray()).ToArray()).ToArray();
        _literals = literals.ToArray();
        _literalIgnoresCase = ignoresCase.ToArray();
        _literalPairs = _literals.Select(CharacterPairs.Of).ToArray();
    }

    public IReadOnlyList<UapParser> Parsers { get; }

    /// <summary>Per parser, what every match of its regex contains (<see cref="RequiredLiterals"/>); empty: always tried.</summary>
    public IReadOnlyList<IReadOnlyList<RequiredLiteral>> Requirements { get; }

    /// <summary>The first parser that matches, with its match: only regexes whose literal is present are tried.</summary>
    public (UapParser? Parser, Match? Match) First(string userAgent)
    {
        // Case-insensitive regexes fold some non-ASCII letters to ASCII ones (the Kelvin sign to k); an ordinal
        // case-insensitive search does not, so for such a user agent their literals cannot rule a regex out.
        var ascii = Ascii.IsValid(userAgent);
        // Per literal: 0 not yet tested, else Present or Absent.
        Span<byte> tested = _literals.Length <= 4096 ? stackalloc byte[_literals.Length] : new byte[_literals.Length];
        tested.Clear();
        var pairs = new CharacterPairs(userAgent, stackalloc ulong[CharacterPairs.Words]);
        for (var i = 0; i < Parsers.Count; i++)
        {
            if (!AllPresent(_requirementsOf[i], userAgent, ascii, pairs, tested)) continue;
            if (Try(Parsers[i], userAgent) is { } match) return (Parsers[i], match);
        }
        return (null, null);
    }

    /// <summary>The first parser that matches, trying every regex in order: the reference <see cref="First"/> keeps to.</summary>
    public (UapParser? Parser, Match? Match) FirstByTryingEach(string userAgent)
    {
        foreach (var parser in Parsers)
            if (Try(parser, userAgent) is { } match) return (parser, match);
        return (null, null);
    }

    /// <summary>Whether each requirement has a literal in the user agent (or may), testing each literal once per user agent.</summary>
    private bool AllPresent(int[][] requirements, string userAgent, bool ascii, CharacterPairs pairs, Span<byte> tested)
    {
        foreach (var requirement in requirements)
            if (!AnyPresent(requirement, userAgent, ascii, pairs, tested)) return false;
        return true;
    }

    private bool AnyPresent(int[] slots, string userAgent, bool ascii, CharacterPairs pairs, Span<byte> tested)
    {
        foreach (var slot in slots)
        {
            if (!ascii && _literalIgnoresCase[slot]) return true;
            if (tested[slot] == 0)
            {
                var comparison = _literalIgnoresCase[slot] ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                tested[slot] = pairs.MayContain(_literalPairs[slot]) && userAgent.Contains(_literals[slot], comparison) ? Present : Absent;
            }
            if (tested[slot] == Present) return true;
        }
        return false;
    }

    private const byte Present = 1, Absent = 2;

    private static Match? Try(UapParser parser, string userAgent)
    {
        try
        {
            var match = parser.Regex.Match(userAgent);
            return match.Success ? match : null;
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological user agent: this parser counts as not matching rather than stalling the pipeline.
            return null;
        }
        catch (ArgumentException)
        {
            // A pattern .NET cannot read (none in 0.18.0) never matches rather than failing every user agent.
            return null;
        }
    }
}
