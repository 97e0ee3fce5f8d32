using System.Buffers;
using System.Runtime.CompilerServices;

namespace GrokFlow.Engine.Matching;

/// <summary>
/// A capture-free pattern matched on its own (a built-in such as <c>%{ip}</c> or <c>%{date(...)}</c>): it lists the
/// positions it can end at from a start, in the order backtracking into it would try them.
/// </summary>
public interface ISubMatcher
{
    /// <summary>The first position the pattern can end at from <paramref name="pos"/>: -1 when none, -2 when over budget.</summary>
    static abstract int FirstEnd(ReadOnlySpan<byte> input, int pos, ref int budget);

    /// <summary>
    /// Writes every position the pattern can end at from <paramref name="pos"/>, in backtracking order; -1 when over
    /// budget, <see cref="MatchState.EndsOverflow"/> when <paramref name="ends"/> is too small.
    /// </summary>
    static abstract int Ends(ReadOnlySpan<byte> input, int pos, Span<int> ends, ref int budget);
}

/// <summary>
/// Tries what follows a sub-matcher at each of its ends, in order: written once here, called by every generated step
/// that uses a sub-matcher. The common case costs one forward match (the first end); only if what follows fails
/// there are all the ends listed and the others tried, as backtracking into the pattern would.
/// </summary>
public static unsafe class SubMatcherEnds
{
    /// <summary>The end buffer on the stack; a line with more ends gets a pooled one (see <see cref="MatchState.EndsCapacity"/>).</summary>
    private const int StackEnds = 256;

    /// <summary>True when <paramref name="next"/> matched from one of the ends of <typeparamref name="TMatcher"/> at <paramref name="pos"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryEach<TMatcher>(ref MatchState s, int pos, delegate*<ref MatchState, int, bool> next)
        where TMatcher : ISubMatcher
    {
        var first = TMatcher.FirstEnd(s.Input, pos, ref s.Budget);
        if (first == -2)
        {
            s.OutOfBudget = true;
            return false;
        }
        if (first < 0) return false;
        if (next(ref s, first)) return true;
        return !s.OutOfBudget && TryAfterFirst<TMatcher>(ref s, pos, next);
    }

    [SkipLocalsInit]
    private static bool TryAfterFirst<TMatcher>(ref MatchState s, int pos, delegate*<ref MatchState, int, bool> next)
        where TMatcher : ISubMatcher
    {
        Span<int> ends = stackalloc int[StackEnds];
        int[]? rented = null;
        var count = TMatcher.Ends(s.Input, pos, ends, ref s.Budget);
        if (count == MatchState.EndsOverflow)
        {
            rented = ArrayPool<int>.Shared.Rent(MatchState.EndsCapacity(s.Input.Length - pos));
            ends = rented;
            count = TMatcher.Ends(s.Input, pos, ends, ref s.Budget);
        }
        if (count < 0)
        {
            s.OutOfBudget = true;
            count = 0;
        }
        var matched = false;
        for (var i = 1; i < count; i++)
        {
            if (next(ref s, ends[i]))
            {
                matched = true;
                break;
            }
            if (s.OutOfBudget) break;
        }
        if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        return matched;
    }
}
