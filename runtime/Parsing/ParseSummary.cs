using GrokFlow.Engine.Pipelines;

namespace GrokFlow.Runtime.Parsing;

/// <summary>Counts what happened to the lines of a run: matched per rule, unmatched, over budget.</summary>
public sealed class ParseSummary
{
    private readonly Dictionary<string, long> _byRule = new(StringComparer.Ordinal);

    public long Lines { get; private set; }
    public long Unmatched { get; private set; }
    public long OverBudget { get; private set; }

    public void Count(GrokResult result)
    {
        Lines++;
        switch (result.Status)
        {
            case GrokStatus.Matched:
                var name = result.RuleName ?? "?";
                _byRule[name] = _byRule.TryGetValue(name, out var n) ? n + 1 : 1;
                break;
            case GrokStatus.BudgetExceeded:
                OverBudget++;
                Unmatched++;
                break;
            default:
                Unmatched++;
                break;
        }
    }

    /// <summary>Adds the counts of another part of the same run.</summary>
    public void Add(ParseSummary other)
    {
        Lines += other.Lines;
        Unmatched += other.Unmatched;
        OverBudget += other.OverBudget;
        foreach (var (rule, count) in other._byRule)
            _byRule[rule] = _byRule.TryGetValue(rule, out var n) ? n + count : count;
    }

    public string Describe(string pipelineId, TimeSpan elapsed)
    {
        var rules = string.Join(", ", _byRule.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}"));
        var rate = elapsed.TotalSeconds > 0 ? Lines / elapsed.TotalSeconds : 0;
        return $"grokflow parse: pipeline {pipelineId}: {Lines} lines, {Lines - Unmatched} parsed ({rules}), {Unmatched} unmatched" +
               (OverBudget > 0 ? $" ({OverBudget} over the step budget)" : "") +
               $"; {elapsed.TotalSeconds:F2} s, {rate:N0} lines/s";
    }
}
