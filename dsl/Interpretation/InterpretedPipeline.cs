using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrokFlow.Dsl.Model;
using GrokFlow.Dsl.Output;
using GrokFlow.Dsl.Runtime;

namespace GrokFlow.Dsl.Interpretation;

/// <summary>
/// The reference interpreter of a pipeline: each rule runs as a .NET <see cref="Regex"/> translated from the checked
/// tree, the first rule that matches the whole line wins, and its captures go through the shared
/// <see cref="OutputWriter"/>. It defines what generated parsers must produce; it is not built for speed (it decodes
/// each line to a string and allocates per line).
/// </summary>
public sealed class InterpretedPipeline : IGrokPipeline
{
    /// <summary>How long one rule may take on one line before the line is reported as over budget.</summary>
    public static readonly TimeSpan DefaultMatchTimeout = TimeSpan.FromSeconds(1);

    private readonly ImmutableArray<InterpretedRule> _rules;
    private readonly int _maxSlots;

    private InterpretedPipeline(GrokPipelineModel model, ImmutableArray<InterpretedRule> rules)
    {
        Id = model.Id;
        Title = model.Title;
        Filter = model.Filter;
        _rules = rules;
        _maxSlots = rules.IsEmpty ? 0 : rules.Max(r => 2 * r.Plan.CaptureCount);
    }

    public string Id { get; }
    public string Title { get; }
    public string Filter { get; }

    /// <summary>The rule names in the order they are tried (all grok parsers of the pipeline, in file order).</summary>
    public IEnumerable<string> RuleNames => _rules.Select(r => r.Name);

    /// <summary>
    /// Builds the interpreter of <paramref name="model"/>. Rules of all its grok parsers are tried in file order; a
    /// rule taking longer than <paramref name="matchTimeout"/> on a line makes the line
    /// <see cref="GrokStatus.BudgetExceeded"/>.
    /// </summary>
    public static InterpretedPipeline Create(GrokPipelineModel model, TimeSpan? matchTimeout = null)
    {
        var timeout = matchTimeout ?? DefaultMatchTimeout;
        var rules = model.Parsers.SelectMany(p => p.Rules).Select(r => InterpretedRule.Create(r, timeout)).ToImmutableArray();
        return new InterpretedPipeline(model, rules);
    }

    public GrokResult Parse(ReadOnlySpan<byte> message, Utf8JsonWriter writer, ParseContext context)
    {
        var line = Utf8Line.Decode(message);
        Span<int> slots = _maxSlots <= 256 ? stackalloc int[_maxSlots] : new int[_maxSlots];
        for (var index = 0; index < _rules.Length; index++)
        {
            var rule = _rules[index];
            Match match;
            try
            {
                match = rule.Regex.Match(line.Text);
            }
            catch (RegexMatchTimeoutException)
            {
                return GrokResult.BudgetExceeded;
            }
            if (!match.Success) continue;

            var ruleSlots = slots[..(2 * rule.Plan.CaptureCount)];
            for (var slot = 0; slot < rule.GroupOfSlot.Length; slot++)
            {
                var group = rule.GroupOfSlot[slot] < 0 ? null : match.Groups[rule.GroupOfSlot[slot]];
                var matched = group is { Success: true };
                ruleSlots[2 * slot] = matched ? line.ByteOffset(group!.Index) : -1;
                ruleSlots[2 * slot + 1] = matched ? line.ByteOffset(group!.Index + group.Length) : -1;
            }
            OutputWriter.Write(rule.Plan, message, ruleSlots, writer, context);
            return new GrokResult(GrokStatus.Matched, index, rule.Name);
        }
        return GrokResult.NoMatch;
    }
}
