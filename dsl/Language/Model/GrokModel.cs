using System.Collections.Immutable;
using GrokFlow.Language.Model.Processors;

namespace GrokFlow.Language.Model;

/// <summary>
/// A checked pipeline: its id, title, routing filter, every grok parser (nested ones included), and its steps in order
/// (grok steps refer to <see cref="Parsers"/> by index), ready for the generator or interpreter.
/// </summary>
public sealed record GrokPipelineModel(string Id, string Title, string Filter, ImmutableArray<GrokParserModel> Parsers, EquatableArray<StepModel> Steps = default)
{
    /// <summary>
    /// Whether the pipeline is only grok parsers of <c>message</c>, all enabled and not nested: the parsers' output is
    /// then the whole result and no event document is needed.
    /// </summary>
    public bool IsGrokOnly => Steps.All(s => s is GrokStepModel { Enabled: true, SourceAttribute: "message" });

    public bool Equals(GrokPipelineModel? other) =>
        other is not null && Id == other.Id && Title == other.Title && Filter == other.Filter && Parsers.SequenceEqual(other.Parsers) && Steps.Equals(other.Steps);
    public override int GetHashCode() => HashCode.Combine(Id, Title, Filter, Parsers.Length);
}

/// <summary>A Grok Parser: the attribute it reads and its match rules, tried in order (first match wins).</summary>
public sealed record GrokParserModel(string SourceAttribute, ImmutableArray<GrokRuleModel> Rules)
{
    public bool Equals(GrokParserModel? other) =>
        other is not null && SourceAttribute == other.SourceAttribute && Rules.SequenceEqual(other.Rules);
    public override int GetHashCode() => HashCode.Combine(SourceAttribute, Rules.Length);
}

/// <summary>
/// One match rule with everything expanded: the tree that must match the whole line, and what each capture slot
/// extracts. <see cref="Pattern"/> and <see cref="Line"/> are the rule as written, for comments and messages.
/// </summary>
public sealed record GrokRuleModel(string Name, string Pattern, int Line, Node Root, ImmutableArray<CaptureModel> Captures)
{
    public bool Equals(GrokRuleModel? other) =>
        other is not null && Name == other.Name && Pattern == other.Pattern && Line == other.Line && Root.Equals(other.Root) && Captures.SequenceEqual(other.Captures);
    public override int GetHashCode() => HashCode.Combine(Name, Pattern, Line);
}

/// <summary>
/// What capture slot <see cref="Slot"/> extracts: the attribute path (segments; nested objects), the matcher's own
/// conversion (e.g. <c>integer</c> parses), then the optional filter. <see cref="Token"/> is the token text.
/// </summary>
public sealed record CaptureModel(int Slot, ImmutableArray<string> Path, ValueConversion Conversion, FilterModel? Filter, string Token)
{
    public bool Equals(CaptureModel? other) =>
        other is not null && Slot == other.Slot && Path.SequenceEqual(other.Path) && Conversion.Equals(other.Conversion) && Equals(Filter, other.Filter) && Token == other.Token;
    public override int GetHashCode() => HashCode.Combine(Slot, Token);

    /// <summary>The dotted path as written (for comments and messages).</summary>
    public string PathText => string.Join(".", Path);
}
