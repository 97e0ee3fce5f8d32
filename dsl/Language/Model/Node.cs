namespace GrokFlow.Language.Model;

/// <summary>
/// The checked matching tree of one rule, with helpers and matchers expanded. Both the generator and the interpreter
/// consume it: it is the one definition of what a rule matches.
/// </summary>
public abstract record Node;

/// <summary>Matches the empty string.</summary>
public sealed record EmptyNode : Node
{
    public static readonly EmptyNode Instance = new();
}

/// <summary>A literal string of code points; <see cref="IgnoreCase"/> compares ASCII letters case-insensitively.</summary>
public sealed record TextNode(string Text, bool IgnoreCase) : Node;

/// <summary>One code point from a set.</summary>
public sealed record SetNode(CharSet Set) : Node;

/// <summary>Each part in turn.</summary>
public sealed record SequenceNode(EquatableArray<Node> Parts) : Node;

/// <summary>The first branch that lets the rest of the rule match (backtracking tries them in order).</summary>
public sealed record AlternationNode(EquatableArray<Node> Branches) : Node;

public enum RepeatMode { Greedy, Lazy, Possessive }

/// <summary><c>body{Min,Max}</c>; <see cref="Max"/> is -1 for unbounded.</summary>
public sealed record RepeatNode(Node Body, int Min, int Max, RepeatMode Mode) : Node
{
    public const int Unbounded = -1;
}

/// <summary><c>(?&gt;...)</c>: once the body has matched, the rest of the rule never backtracks into it.</summary>
public sealed record AtomicNode(Node Body) : Node;

/// <summary>Lookaround: the body must (or must not) match ahead of / behind the position, consuming nothing.</summary>
public sealed record LookaroundNode(Node Body, bool Ahead, bool Negated) : Node;

public enum AnchorKind
{
    /// <summary><c>\A</c>, or <c>^</c> outside multiline mode.</summary>
    Start,
    /// <summary><c>\z</c>.</summary>
    End,
    /// <summary><c>\Z</c> and <c>$</c> outside multiline mode: the end, or before a final newline.</summary>
    EndOrBeforeFinalNewline,
    /// <summary><c>^</c> in multiline mode.</summary>
    LineStart,
    /// <summary><c>$</c> in multiline mode.</summary>
    LineEnd,
    /// <summary><c>\b</c> (ASCII word characters).</summary>
    WordBoundary,
    /// <summary><c>\B</c>.</summary>
    NotWordBoundary,
}

/// <summary>A zero-width assertion.</summary>
public sealed record AnchorNode(AnchorKind Kind) : Node;

/// <summary>Records where the body matched into capture slot <see cref="Slot"/> of the rule.</summary>
public sealed record CaptureNode(int Slot, Node Body) : Node;

/// <summary>
/// Marks the expansion of a grok token or helper, so generated code can say which rule text each part implements.
/// Matching-wise it is its body.
/// </summary>
public sealed record OriginNode(string Description, Node Body) : Node;
