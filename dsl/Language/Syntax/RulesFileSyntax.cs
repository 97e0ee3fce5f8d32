using System.Collections.Immutable;
using GrokFlow.Language.NetFlow;

namespace GrokFlow.Language.Syntax;

/// <summary>A parsed .rules file: its grok pipelines and NetFlow layouts, in file order.</summary>
public sealed record RulesFileSyntax(ImmutableArray<PipelineSyntax> Pipelines, ImmutableArray<NetFlowLayoutSyntax> NetFlowLayouts);

/// <summary>
/// <c>pipeline ID "Title" { filter "..." steps... }</c>. <see cref="Steps"/> are the grok parsers, processors and nested
/// pipelines in order; <see cref="Parsers"/> lists every grok parser among them (nested ones included) in file order.
/// </summary>
public sealed record PipelineSyntax(string Id, string? Title, string? Filter, ImmutableArray<StepSyntax> Steps, SourceSpan Span)
{
    public ImmutableArray<GrokParserSyntax> Parsers { get; } = GrokParsersOf(Steps).ToImmutableArray();

    private static IEnumerable<GrokParserSyntax> GrokParsersOf(IEnumerable<StepSyntax> steps) => steps.SelectMany(step => step switch
    {
        GrokParserSyntax grok => [grok],
        NestedPipelineSyntax nested => GrokParsersOf(nested.Steps),
        _ => Enumerable.Empty<GrokParserSyntax>(),
    });
}

/// <summary>
/// <c>grok ATTR ["Name"] { match { ... } helpers { ... } }</c>: a Grok Parser applied to one attribute (usually
/// message). Optional <c>enabled false</c> and <c>sample "..."</c> lines carry the rest of Datadog's definition.
/// </summary>
public sealed record GrokParserSyntax(
    string SourceAttribute,
    ImmutableArray<RuleSyntax> MatchRules,
    ImmutableArray<RuleSyntax> Helpers,
    SourceSpan Span,
    string? Name = null,
    bool Enabled = true,
    ImmutableArray<string> Samples = default) : StepSyntax(Span);

/// <summary>One <c>Name pattern</c> line: the name, and the pattern verbatim to the end of the line.</summary>
public sealed record RuleSyntax(string Name, string Pattern, SourceSpan NameSpan, SourceSpan PatternSpan);
