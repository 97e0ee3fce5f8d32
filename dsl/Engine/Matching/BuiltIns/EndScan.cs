using System.Runtime.CompilerServices;

namespace GrokFlow.Engine.Matching.BuiltIns;

/// <summary>
/// A hand-written built-in matcher: lists the positions its pattern can end at from a start, each once, in the order a
/// backtracking regex would first reach them, by calling <see cref="MatchState.RecordEnd"/>.
/// </summary>
/// <remarks>
/// The matchers are empty structs, not classes: generic code over a struct (<see cref="EndScan"/>,
/// <c>SubMatcherEnds.TryEach</c>) is compiled for each matcher and calls its methods directly, where code shared by
/// all classes looks them up at run time and cannot inline them.
/// </remarks>
public interface IEndScanner
{
    /// <summary>Records the ends from <paramref name="pos"/>; true once the caller must stop (first end found, budget or room gone).</summary>
    static abstract bool Scan(ref MatchState s, int pos);
}

/// <summary>Runs an <see cref="IEndScanner"/> in the two modes <see cref="ISubMatcher"/> asks for.</summary>
public static class EndScan
{
    /// <summary>See <see cref="ISubMatcher.FirstEnd"/>.</summary>
    [SkipLocalsInit]
    public static int First<TScanner>(ReadOnlySpan<byte> input, int pos, ref int budget) where TScanner : IEndScanner
    {
        Span<int> end = stackalloc int[1];
        // Fields set one by one: an object initializer builds the state in a temporary and copies it (a bulk copy with
        // write barriers, about as costly as a short scan).
        scoped var s = new MatchState(input, default, default, budget);
        s.Ends = end;
        s.FirstEndOnly = true;
        TScanner.Scan(ref s, pos);
        budget = s.Budget;
        return s.OutOfBudget ? -2 : s.EndCount > 0 ? end[0] : -1;
    }

    /// <summary>See <see cref="ISubMatcher.Ends"/>.</summary>
    public static int All<TScanner>(ReadOnlySpan<byte> input, int pos, Span<int> ends, ref int budget) where TScanner : IEndScanner
    {
        var s = new MatchState(input, default, default, budget);
        s.CollectEndsInto(ends, pos);
        TScanner.Scan(ref s, pos);
        budget = s.Budget;
        return s.EndsResult;
    }

    /// <summary>
    /// <see cref="All{TScanner}"/> of a scanner with at most one end, <paramref name="end"/> (-1: none), found directly
    /// in the one step its scan takes.
    /// </summary>
    public static int One(int end, Span<int> ends, ref int budget)
    {
        if (--budget < 0) return -1;
        if (end < 0) return 0;
        if (ends.IsEmpty) return MatchState.EndsOverflow;
        ends[0] = end;
        return 1;
    }

    /// <summary>Records one end; true when the scan must stop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Record(ref MatchState s, int end) => s.RecordEnd(end) || s.OutOfBudget;
}
