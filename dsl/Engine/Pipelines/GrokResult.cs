namespace GrokFlow.Engine.Pipelines;

/// <summary>What happened to one line.</summary>
public enum GrokStatus : byte
{
    /// <summary>A rule matched; its attributes were written.</summary>
    Matched,
    /// <summary>No rule matched the whole line.</summary>
    NoMatch,
    /// <summary>Matching gave up: the line needed more steps than the per-line budget (counted, reported unmatched).</summary>
    BudgetExceeded,
}

/// <summary>The outcome of parsing one line: the status and, when matched, the index and name of the winning rule.</summary>
public readonly record struct GrokResult(GrokStatus Status, int RuleIndex, string? RuleName)
{
    public static GrokResult NoMatch => new(GrokStatus.NoMatch, -1, null);
    public static GrokResult BudgetExceeded => new(GrokStatus.BudgetExceeded, -1, null);
    public bool Matched => Status == GrokStatus.Matched;
}
