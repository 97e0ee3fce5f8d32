using GrokFlow.Language.Model;

namespace GrokFlow.Generator.Emit;

/// <summary>
/// What remains to be matched after some point of a rule. Each continuation becomes one generated method
/// <c>bool StepN(ref MatchState s, int pos)</c> that matches it from <c>pos</c>; backtracking is the call stack.
/// The emitter keys its methods by reference (<see cref="ReferenceEqualityComparer"/>): one method per continuation object.
/// </summary>
internal abstract record Continuation;

/// <summary>The end of the rule: the whole line must have been consumed.</summary>
internal sealed record AcceptContinuation : Continuation;

/// <summary>Match <see cref="Node"/>, then <see cref="Next"/>.</summary>
internal sealed record NodeContinuation(Node Node, Continuation Next) : Continuation;

/// <summary>Record the end of capture <see cref="Slot"/>, then <see cref="Next"/>.</summary>
internal sealed record CaptureEndContinuation(int Slot, Continuation Next) : Continuation;

/// <summary>One more iteration of a general loop is done: go back to the loop's decision.</summary>
internal sealed record LoopContinuation(LoopPlan Loop) : Continuation;

/// <summary>The end of an atomic group's or lookahead's body: remember the position and report success.</summary>
internal sealed record ZeroWidthEndContinuation(int WorkIndex) : Continuation;

/// <summary>
/// The end of a pattern matched on its own: return <see cref="Call"/> (a sub-matcher records the position and fails, so
/// every other ending is found too; a shared prefix goes on with the rule's rest). <see cref="Followers"/>: what can follow.
/// </summary>
internal sealed record EndCallContinuation(string Call, Node? Followers = null) : Continuation;

/// <summary>A general loop: its node, its working memory (count and last start), its decision method, what follows.</summary>
internal sealed record LoopPlan(RepeatNode Node, int CountIndex, int LastIndex, string DecisionMethod, Continuation Next);

/// <summary>What a continuation must start with: the analysis the emitter consults to choose how to write what precedes it.</summary>
internal static class ContinuationFacts
{
    public static Continuation Chain(IReadOnlyList<Node> parts, Continuation next)
    {
        for (var i = parts.Count - 1; i >= 0; i--) next = new NodeContinuation(parts[i], next);
        return next;
    }

    /// <summary>
    /// True when giving characters back could never help: what follows can only start with a byte outside the set (or
    /// at the end of the line), and every position inside the run is followed by a member of the set.
    /// </summary>
    public static bool NeverGivesBack(CharSet set, Continuation next) => FirstBytes.Following(next) is var (bytes, _, _)
        && Enumerable.Range(0, 256).All(b => !bytes[b] || (b < 0x80 ? !set.Contains(b) : set.IsAsciiOnly));
}
