using System.Runtime.CompilerServices;

namespace GrokFlow.Engine.Matching;

/// <summary>
/// The two <see cref="ISubMatcher"/> entry points of a generated sub-matcher, written once: the generated class passes
/// how much working memory its steps need and its first step.
/// </summary>
public static unsafe class GeneratedSubMatcher
{
    /// <summary>Working memory most sub-matchers fit in: a fixed buffer in the frame, cheaper than a sized stackalloc.</summary>
    private const int SmallWorkSize = 8;

    [InlineArray(SmallWorkSize)]
    private struct SmallWork
    {
        private int _first;
    }

    [SkipLocalsInit]
    public static int FirstEnd(ReadOnlySpan<byte> input, int pos, ref int budget, int workSize, delegate*<ref MatchState, int, bool> entry)
    {
        Unsafe.SkipInit(out SmallWork small);
        var work = workSize <= SmallWorkSize ? ((Span<int>)small)[..workSize] : stackalloc int[workSize];
        var end = -1;
        // Fields set one by one on the local: an object initializer would build the state aside and copy it.
        var s = new MatchState(input, default, work, budget);
        s.Ends = new Span<int>(ref end);
        s.FirstEndOnly = true;
        var found = entry(ref s, pos);
        budget = s.Budget;
        return s.OutOfBudget ? -2 : found ? end : -1;
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
