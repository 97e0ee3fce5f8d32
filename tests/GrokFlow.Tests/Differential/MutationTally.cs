using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Tests.Differential;

/// <summary>What a run of mutated lines gave: compared, matched, over the generated parser's default step budget, and
/// lines on which the interpreter gave up.</summary>
/// <remarks>
/// The interpreter's backtracking .NET regex can take seconds on a mutated line, and longer than its time limit on an
/// overloaded machine. A line it gave up on is no evidence either way, so it is counted instead of failing the run,
/// and <see cref="AssertTheInterpreterRarelyGaveUp"/> bounds how many there may be.
/// </remarks>
internal sealed class MutationTally
{
    private long _compared, _matched, _overBudget, _interpreterGaveUp;

    public long Compared => Interlocked.Read(ref _compared);
    public long Matched => Interlocked.Read(ref _matched);
    public long OverBudget => Interlocked.Read(ref _overBudget);
    public long InterpreterGaveUp => Interlocked.Read(ref _interpreterGaveUp);

    /// <summary>Counts one comparison; false when the generated parser and the interpreter disagree.</summary>
    public bool Record(Comparison comparison)
    {
        Interlocked.Increment(ref _compared);
        if (comparison.OverDefaultBudget) Interlocked.Increment(ref _overBudget);
        if (comparison.Interpreted.Status == GrokStatus.BudgetExceeded && comparison.Generated.Status != GrokStatus.BudgetExceeded)
        {
            Interlocked.Increment(ref _interpreterGaveUp);
            return true;
        }
        if (comparison.Matched) Interlocked.Increment(ref _matched);
        return comparison.Agree;
    }

    public void AssertTheInterpreterRarelyGaveUp() =>
        Assert.True(InterpreterGaveUp * 100 <= Compared, $"the interpreter gave up on {InterpreterGaveUp} of {Compared} lines (at most 1 % allowed)");

    public override string ToString() =>
        $"{Compared} compared, {Matched} matched, {OverBudget} over the default step budget, {InterpreterGaveUp} the interpreter gave up on";
}
