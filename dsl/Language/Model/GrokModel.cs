using GrokFlow.Language.Model.Processors;

namespace GrokFlow.Language.Model;

/// <summary>
/// A checked pipeline: its id, title, routing filter, every grok parser (nested ones included), and its steps in order
/// (grok steps refer to <see cref="Parsers"/> by index), ready for the generator or interpreter.
/// </summary>
public sealed record GrokPipelineModel(string Id, string Title, string Filter, EquatableArray<GrokParserModel> Parsers, EquatableArray<StepModel> Steps = default)
{
    /// <summary>
    /// Whether the pipeline is only grok parsers of <c>message</c>, all enabled and not nested: the parsers' output is
    /// then the whole result and no event document is needed.
    /// </summary>
    public bool IsGrokOnly => Steps.All(s => s is GrokStepModel { Enabled: true, SourceAttribute: "message" });
}

/// <summary>A Grok Parser: the attribute it reads and its match rules, tried in order (first match wins).</summary>
public sealed record GrokParserModel(string SourceAttribute, EquatableArray<GrokRuleModel> Rules);

/// <summary>
/// One match rule with everything expanded: the tree that must match the whole line, and what each capture slot
/// extracts. <see cref="Pattern"/> and <see cref="Line"/> are the rule as written, for comments and messages.
/// </summary>
public sealed record GrokRuleModel(string Name, string Pattern, int Line, Node Root, EquatableArray<CaptureModel> Captures);

/// <summary>
/// What capture slot <see cref="Slot"/> extracts: the attribute path (segments; nested objects), the matcher's own
/// conversion (e.g. <c>integer</c> parses), then the optional filter. <see cref="Token"/> is the token text.
/// </summary>
public sealed record CaptureModel(int Slot, EquatableArray<string> Path, ValueConversion Conversion, FilterModel? Filter, string Token)
{
    /// <summary>The dotted path as written (for comments and messages).</summary>
    public string PathText => string.Join(".", Path);
}
