using System.Runtime.CompilerServices;

namespace GrokFlow.Engine.Matching;

/// <summary>
/// The two <see cref="ISubMatcher"/> entry points of a generated sub-matcher, written once: the generated class passes
/// how much working memory its steps need and its first step.
/// </summary>
public static unsafe class GeneratedSubMatcher
{
    [SkipLocalsInit]
    public static int FirstEnd(ReadOnlySpan<byte> input, int pos, ref int budget, int workSize, delegate*<ref MatchState, int, bool> entry)
    {
        Span<int> work = stackalloc int[workSize];
        Span<int> end = stackalloc int[1];
        var s = new MatchState(input, default, work, budget) { Ends = end, FirstEndOnly = true };
        var found = entry(ref s, pos);
        budget = s.Budget;
        return s.OutOfBudget ? -2 : found ? end[0] : -1;
    }

    [SkipLocalsInit]
    public static int Ends(ReadOnlySpan<byte> input, int pos, Span<int> ends, ref int budget, int workSize, delegate*<ref MatchState, int, bool> entry)
    {
        Span<int> work = stackalloc int[workSize];
        var s = new MatchState(input, default, work, budget);
        s.CollectEndsInto(ends, pos);
        entry(ref s, pos);
        budget = s.Budget;
        return s.EndsResult;
    }
}
