using System.Runtime.CompilerServices;

namespace GrokFlow.Engine.Matching;

/// <summary>
/// Consecutive rules of one grok parser that start with the same prefix (a helper, leading tokens) match it once per
/// line. The first rule tried matches the prefix as usual and tries its rest at each match; where the rest fails, the
/// match (where the prefix ended, and the captures it set) is listed. The later rules try their rest at each listed
/// match in order: exactly what backtracking into the prefix would do, since the rest depends only on the position
/// and the prefix's captures. A prefix with more matches than the list holds is matched again by each rule.
/// </summary>
public static unsafe class SharedPrefix
{
    /// <summary>The most matches of the prefix listed on one line.</summary>
    public const int MaxMatches = 8;

    private const int NotListed = 0, Listed = 1, NotKept = 2;

    /// <summary>The list's header: whether the matches are listed, how many, and the capture cells kept per match.</summary>
    private const int StateAt = 0, CountAt = 1, CellsAt = 2, Header = 3;

    /// <summary>The size of the list for a prefix whose captures fill the first <paramref name="cells"/> slots.</summary>
    public static int BufferSize(int cells) => Header + MaxMatches * (1 + cells);

    /// <summary>Before the first rule of a run: nothing is listed yet for this line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Start(ref MatchState s, Span<int> buffer, int cells)
    {
        s.PrefixMatches = buffer;
        buffer[StateAt] = NotListed;
        buffer[CountAt] = 0;
        buffer[CellsAt] = cells;
    }

    /// <summary>
    /// True when <paramref name="prefix"/> then <paramref name="rest"/> match the whole line. The <paramref name="last"/>
    /// rule of a run lists nothing: no rule would read the list.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Match(ref MatchState s, delegate*<ref MatchState, int, bool> prefix, delegate*<ref MatchState, int, bool> rest, bool last)
    {
        var matches = s.PrefixMatches;
        s.Rest = rest;
        if (matches[StateAt] != Listed)
        {
            if (last) matches[StateAt] = NotKept;
            if (prefix(ref s, 0)) return true;
            if (matches[StateAt] == NotListed && !s.OutOfBudget) matches[StateAt] = Listed;
            return false;
        }
        var cells = matches[CellsAt];
        for (int i = 0, at = Header; i < matches[CountAt]; i++, at += 1 + cells)
        {
            matches.Slice(at + 1, cells).CopyTo(s.Slots);
            if (rest(ref s, matches[at])) return true;
            if (s.OutOfBudget) return false;
        }
        return false;
    }

    /// <summary>The prefix's last step: the rule's rest from here; where it fails, the match is listed for the next rules.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Continue(ref MatchState s, int pos)
    {
        if (s.Rest(ref s, pos)) return true;
        var matches = s.PrefixMatches;
        if (matches[StateAt] != NotListed || s.OutOfBudget) return false;
        if (matches[CountAt] == MaxMatches)
        {
            matches[StateAt] = NotKept;
            return false;
        }
        var cells = matches[CellsAt];
        var at = Header + matches[CountAt]++ * (1 + cells);
        matches[at] = pos;
        s.Slots[..cells].CopyTo(matches.Slice(at + 1, cells));
        return false;
    }
}
