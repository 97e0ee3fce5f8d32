using System.Runtime.CompilerServices;

namespace GrokFlow.Dsl.Matching;

/// <summary>
/// The state a generated matcher threads through its steps: the line, the capture slots (start and end byte offset of
/// each capture, -1 when unset), working memory for loops and atomic groups, and the step budget shared by all rules
/// tried on the line. Lives on the stack: matching allocates nothing.
/// </summary>
public ref struct MatchState
{
    public MatchState(ReadOnlySpan<byte> input, Span<int> slots, Span<int> work, int stepBudget)
    {
        Input = input;
        Slots = slots;
        Work = work;
        Budget = stepBudget;
    }

    /// <summary>The UTF-8 line being matched.</summary>
    public readonly ReadOnlySpan<byte> Input;

    /// <summary><c>Slots[2k]</c> and <c>Slots[2k+1]</c>: start and end of capture k.</summary>
    public readonly Span<int> Slots;

    /// <summary>Loop counters and atomic-group end positions, laid out by the generator.</summary>
    public readonly Span<int> Work;

    /// <summary>Steps left before the line is given up as too expensive.</summary>
    public int Budget;

    /// <summary>Set once the budget ran out: every step then fails fast.</summary>
    public bool OutOfBudget;

    /// <summary>Counts one step; false once the budget is spent (or the stack is nearly exhausted).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Step()
    {
        if (--Budget >= 0) return true;
        OutOfBudget = true;
        return false;
    }

    /// <summary>Guards deep recursion of general loops: gives up the line rather than overflow the stack.</summary>
    public bool EnsureStack()
    {
        if (RuntimeHelpers.TryEnsureSufficientExecutionStack()) return true;
        OutOfBudget = true;
        return false;
    }

    /// <summary>Where a sub-matcher collects the positions its pattern can end at (see <see cref="RecordEnd"/>).</summary>
    public Span<int> Ends;

    /// <summary>How many positions are in <see cref="Ends"/>.</summary>
    public int EndCount;

    /// <summary>When set, a sub-matcher stops at the first position its pattern can end at.</summary>
    public bool FirstEndOnly;

    /// <summary>
    /// The last step of a sub-matcher: notes where the pattern ended (once per position, in the order backtracking finds
    /// them) and fails, so that every alternative is explored; or, in <see cref="FirstEndOnly"/> mode, succeeds at once.
    /// Running out of room counts as running out of budget.
    /// </summary>
    public bool RecordEnd(int pos)
    {
        if (FirstEndOnly)
        {
            EndCount = 1;
            Ends[0] = pos;
            return true;
        }
        for (var i = 0; i < EndCount; i++)
            if (Ends[i] == pos) return false;
        if (EndCount == Ends.Length)
        {
            OutOfBudget = true;
            return false;
        }
        Ends[EndCount++] = pos;
        return false;
    }

    /// <summary>Clears the captures before a rule is tried.</summary>
    public readonly void ResetCaptures() => Slots.Fill(-1);
}
