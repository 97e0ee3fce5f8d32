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
                CountMatch(result.RuleName ?? "?");
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

    // Rule names are the generated parsers' constants, so a name seen before is usually the same string object:
    // counting it costs a reference comparison instead of hashing the name for every line.
    private readonly List<string> _recentRules = [];
    private readonly List<long> _recentCounts = [];

    private void CountMatch(string rule)
    {
        for (var i = 0; i < _recentRules.Count; i++)
        {
            if (ReferenceEquals(_recentRules[i], rule))
            {
                _recentCounts[i]++;
                return;
            }
        }
        if (_recentRules.Count == 64) FoldRecentRules(); // names made per line: keep the search short
        _recentRules.Add(rule);
        _recentCounts.Add(1);
    }

    private void FoldRecentRules()
    {
        for (var i = 0; i < _recentRules.Count; i++)
            _byRule[_recentRules[i]] = _byRule.TryGetValue(_recentRules[i], out var n) ? n + _recentCounts[i] : _recentCounts[i];
        _recentRules.Clear();
        _recentCounts.Clear();
    }

    /// <summary>Adds the counts of another part of the same run.</summary>
    public void Add(ParseSummary other)
    {
        other.FoldRecentRules();
        Lines += other.Lines;
        Unmatched += other.Unmatched;
        OverBudget += other.OverBudget;
        foreach (var (rule, count) in other._byRule)
            _byRule[rule] = _byRule.TryGetValue(rule, out var n) ? n + count : count;
    }

    public string Describe(string pipelineId, TimeSpan elapsed)
    {
        FoldRecentRules();
        var rules = string.Join(", ", _byRule.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}"));
        var rate = elapsed.TotalSeconds > 0 ? Lines / elapsed.TotalSeconds : 0;
        return $"grokflow parse: pipeline {pipelineId}: {Lines} lines, {Lines - Unmatched} parsed ({rules}), {Unmatched} unmatched" +
               (OverBudget > 0 ? $" ({OverBudget} over the step budget)" : "") +
               $"; {elapsed.TotalSeconds:F2} s, {rate:N0} lines/s";
    }
}
