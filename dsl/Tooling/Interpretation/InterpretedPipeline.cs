using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrokFlow.Language.Model;
using GrokFlow.Engine.Output;
using GrokFlow.Engine.Processing;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Engine.Matching;

namespace GrokFlow.Tooling.Interpretation;

/// <summary>
/// The reference interpreter of a pipeline: each rule runs as a .NET <see cref="Regex"/> translated from the checked
/// tree, in each grok parser the first rule that matches the whole line wins, and its captures go through the shared
/// <see cref="OutputWriter"/>. It defines what generated parsers must produce; it is not built for speed (it decodes
/// each line to a string and allocates per line).
/// </summary>
public sealed class InterpretedPipeline : IGrokPipeline, IGrokParserSet
{
    /// <summary>How long one rule may take on one line before the line is reported as over budget.</summary>
    public static readonly TimeSpan DefaultMatchTimeout = RegexFallbackRule.DefaultMatchTimeout;

    /// <summary>The rules of each grok parser, in file order.</summary>
    private readonly ImmutableArray<ImmutableArray<InterpretedRule>> _parsers;
    private readonly int[] _firstRuleIndex;
    private readonly int _maxSlots;
    private readonly ProcessingPipeline? _processing;

    private InterpretedPipeline(GrokPipelineModel model, ImmutableArray<ImmutableArray<InterpretedRule>> parsers, ProcessingServices? services)
    {
        Id = model.Id;
        Title = model.Title;
        Filter = model.Filter;
        _parsers = parsers;
        _firstRuleIndex = new int[parsers.Length];
        for (var i = 1; i < parsers.Length; i++) _firstRuleIndex[i] = _firstRuleIndex[i - 1] + parsers[i - 1].Length;
        _maxSlots = parsers.SelectMany(p => p).Select(r => 2 * r.Plan.CaptureCount).DefaultIfEmpty(0).Max();
        _processing = model.IsGrokOnly ? null : new ProcessingPipeline(model, this, services);
    }

    /// <summary>The steps of a pipeline with processors (null for a pipeline of grok parsers of <c>message</c> only).</summary>
    public ProcessingPipeline? Processing => _processing;

    public string Id { get; }
    public string Title { get; }
    public string Filter { get; }

    /// <summary>
    /// Builds the interpreter of <paramref name="model"/>. A rule taking longer than <paramref name="matchTimeout"/> on
    /// a line gives up (<see cref="GrokStatus.BudgetExceeded"/> unless another parser's rule matched).
    /// </summary>
    public static InterpretedPipeline Create(GrokPipelineModel model, TimeSpan? matchTimeout = null, ProcessingServices? services = null)
    {
        var timeout = matchTimeout ?? DefaultMatchTimeout;
        var parsers = model.Parsers
            .Select(p => p.Rules.Select(r => InterpretedRule.Create(r, timeout)).ToImmutableArray())
            .ToImmutableArray();
        return new InterpretedPipeline(model, parsers, services);
    }

    /// <summary>Grok rules write through <see cref="OutputWriter"/>; a pipeline with processors writes its event document.</summary>
    public bool WritesThroughOutputWriter => _processing is null;

    /// <summary>
    /// Each grok parser of the pipeline, in file order, tries its rules in order and writes the attributes of the first
    /// that matches the whole line. The result names the first rule that matched, by its index over all the
    /// pipeline's rules. The rules see the message without its leading and trailing white space (<see cref="GrokInput"/>).
    /// </summary>
    public GrokResult Parse(ReadOnlySpan<byte> message, Utf8JsonWriter writer, ParseContext context)
    {
        if (_processing is not null) return _processing.Parse(message, writer, context);
        message = GrokInput.Trim(message);
        var line = Utf8Line.Decode(message);
        Span<int> slots = _maxSlots <= 256 ? stackalloc int[_maxSlots] : new int[_maxSlots];
        var result = GrokResult.NoMatch;
        var index = 0;
        foreach (var rules in _parsers)
        {
            var firstIndex = index;
            index += rules.Length;
            for (var i = 0; i < rules.Length; i++)
            {
                var outcome = TryRule(rules[i], line, message, slots, writer, context);
                if (outcome == GrokStatus.NoMatch) continue;
                if (!result.Matched)
                {
                    result = outcome == GrokStatus.Matched
                        ? new GrokResult(GrokStatus.Matched, firstIndex + i, rules[i].Name)
                        : GrokResult.BudgetExceeded;
                }
                break;
            }
        }
        return result;
    }

    public bool HasProcessors => _processing is not null;

    public GrokResult Process(EventDocument document, ParseContext context) =>
        _processing is not null ? _processing.Process(document, context) : GrokOnlyProcessing.Run(this, document, context);

    /// <summary>Grok parser <paramref name="parserIndex"/> alone: its first rule that matches the whole text writes its attributes.</summary>
    public GrokResult ParseWith(int parserIndex, ReadOnlySpan<byte> text, Utf8JsonWriter writer, ParseContext context)
    {
        text = GrokInput.Trim(text);
        var line = Utf8Line.Decode(text);
        var rules = _parsers[parserIndex];
        Span<int> slots = _maxSlots <= 256 ? stackalloc int[_maxSlots] : new int[_maxSlots];
        for (var i = 0; i < rules.Length; i++)
        {
            var outcome = TryRule(rules[i], line, text, slots, writer, context);
            if (outcome == GrokStatus.Matched) return new GrokResult(GrokStatus.Matched, _firstRuleIndex[parserIndex] + i, rules[i].Name);
            if (outcome == GrokStatus.BudgetExceeded) return GrokResult.BudgetExceeded;
        }
        return GrokResult.NoMatch;
    }

    private static GrokStatus TryRule(InterpretedRule rule, Utf8Line line, ReadOnlySpan<byte> message, Span<int> slots, Utf8JsonWriter writer, ParseContext context)
    {
        Match match;
        try
        {
            match = rule.Regex.Match(line.Text);
        }
        catch (RegexMatchTimeoutException)
        {
            return GrokStatus.BudgetExceeded;
        }
        if (!match.Success) return GrokStatus.NoMatch;

        var ruleSlots = slots[..(2 * rule.Plan.CaptureCount)];
        for (var slot = 0; slot < rule.GroupOfSlot.Length; slot++)
        {
            var group = rule.GroupOfSlot[slot] < 0 ? null : match.Groups[rule.GroupOfSlot[slot]];
            var matched = group is { Success: true };
            ruleSlots[2 * slot] = matched ? line.ByteOffset(group!.Index) : -1;
            ruleSlots[2 * slot + 1] = matched ? line.ByteOffset(group!.Index + group.Length) : -1;
        }
        OutputWriter.Write(rule.Plan, message, ruleSlots, writer, context);
        return GrokStatus.Matched;
    }
}
