using System.Runtime.CompilerServices;

namespace GrokFlow.Engine.Matching;

/// <summary>
/// The state a generated matcher threads through its steps: the line, the capture slots (start and end byte offset of
/// each capture, -1 when unset), working memory for loops and atomic groups, and the step budget shared by all rules
/// tried on the line. Lives on the stack: matching allocates nothing.
/// </summary>
public unsafe ref struct MatchState
{
    // Inlined: every sub-matcher call builds a state, and the shared-prefix fields made the constructor too large to inline on its own.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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

    /// <summary>For large end lists, one bit per position from <c>_seenBase</c> on: the ends already recorded.</summary>
    private Span<int> _seen;
    private int _seenBase;

    /// <summary>What a sub-matcher returns when its end buffer was too small: call again with <see cref="EndsCapacity"/>.</summary>
    public const int EndsOverflow = -2;

    /// <summary>Set when <see cref="Ends"/> filled up: the sub-matcher stopped and must be run again with more room.</summary>
    public bool EndsOverflowed;

    /// <summary>Buffers up to this size are searched for duplicate ends; larger ones keep a bit per position.</summary>
    public const int SmallEndsCapacity = 256;

    /// <summary>An end buffer size that always suffices from a position with <paramref name="remaining"/> bytes after it.</summary>
    public static int EndsCapacity(int remaining) => remaining + 1 + ((remaining + 32) >> 5);

    /// <summary>
    /// Makes <paramref name="buffer"/> the end list of a sub-matcher started at <paramref name="start"/>. A buffer of
    /// <see cref="EndsCapacity"/> (always larger than <see cref="SmallEndsCapacity"/>) keeps its last words as the
    /// bitmap of the positions already recorded, so that finding duplicates stays linear on long lines.
    /// </summary>
    public void CollectEndsInto(Span<int> buffer, int start)
    {
        if (buffer.Length <= SmallEndsCapacity)
        {
            Ends = buffer;
            return;
        }
        var words = (Input.Length - start + 32) >> 5;
        _seen = buffer[^words..];
        _seen.Clear();
        _seenBase = start;
        Ends = buffer[..^words];
    }

    /// <summary>
    /// The last step of a sub-matcher: notes where the pattern ended (once per position, in the order backtracking finds
    /// them) and fails, so that every alternative is explored; or, in <see cref="FirstEndOnly"/> mode, succeeds at once.
    /// Running out of room stops the sub-matcher, which then reports <see cref="EndsOverflow"/>.
    /// </summary>
    public bool RecordEnd(int pos)
    {
        if (FirstEndOnly)
        {
            EndCount = 1;
            Ends[0] = pos;
            return true;
        }
        if (_seen.IsEmpty)
        {
            for (var i = 0; i < EndCount; i++)
                if (Ends[i] == pos) return false;
        }
        else
        {
            var bit = pos - _seenBase;
            if ((_seen[bit >> 5] & (1 << (bit & 31))) != 0) return false;
            _seen[bit >> 5] |= 1 << (bit & 31);
        }
        if (EndCount == Ends.Length)
        {
            EndsOverflowed = true;
            OutOfBudget = true;
            return false;
        }
        Ends[EndCount++] = pos;
        return false;
    }

    /// <summary>What a sub-matcher's <c>Ends</c> returns: the number of ends, -1 when over budget, or <see cref="EndsOverflow"/>.</summary>
    public readonly int EndsResult => EndsOverflowed ? EndsOverflow : OutOfBudget ? -1 : EndCount;

    /// <summary>The matches of the prefix the current run of rules shares, listed once per line (see <see cref="SharedPrefix"/>).</summary>
    public Span<int> PrefixMatches;

    /// <summary>What the current rule matches after its shared prefix.</summary>
    public delegate*<ref MatchState, int, bool> Rest;

    /// <summary>Clears the captures before a rule is tried.</summary>
    public readonly void ResetCaptures() => Slots.Fill(-1);
}
