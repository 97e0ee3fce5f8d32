using GrokFlow.Language.Model;

namespace GrokFlow.Generator.Emit;

/// <summary>
/// What remains to be matched after some point of a rule. Each continuation becomes one generated method
/// <c>bool StepN(ref MatchState s, int pos)</c> that matches it from <c>pos</c>; backtracking is the call stack.
/// Compared by reference: one method per continuation object.
/// </summary>
internal abstract class Continuation;

/// <summary>The end of the rule: the whole line must have been consumed.</summary>
internal sealed class AcceptContinuation : Continuation;

/// <summary>Match <see cref="Node"/>, then <see cref="Next"/>.</summary>
internal sealed class NodeContinuation(Node node, Continuation next) : Continuation
{
    public Node Node { get; } = node;
    public Continuation Next { get; } = next;
}

/// <summary>Record the end of capture <see cref="Slot"/>, then <see cref="Next"/>.</summary>
internal sealed class CaptureEndContinuation(int slot, Continuation next) : Continuation
{
    public int Slot { get; } = slot;
    public Continuation Next { get; } = next;
}

/// <summary>One more iteration of a general loop is done: go back to the loop's decision.</summary>
internal sealed class LoopContinuation(LoopPlan loop) : Continuation
{
    public LoopPlan Loop { get; } = loop;
}

/// <summary>The end of an atomic group's or lookahead's body: remember the position and report success.</summary>
internal sealed class ZeroWidthEndContinuation(int workIndex) : Continuation
{
    public int WorkIndex { get; } = workIndex;
}

/// <summary>The end of a sub-matcher's pattern: record the position and fail, so every other ending is found too.</summary>
internal sealed class RecordEndContinuation : Continuation;

/// <summary>A general loop: its node, its working memory (count and last start), its decision method, what follows.</summary>
internal sealed class LoopPlan(RepeatNode node, int countIndex, int lastIndex, string decisionMethod, Continuation next)
{
    public RepeatNode Node { get; } = node;
    public int CountIndex { get; } = countIndex;
    public int LastIndex { get; } = lastIndex;
    public string DecisionMethod { get; } = decisionMethod;
    public Continuation Next { get; } = next;
}
