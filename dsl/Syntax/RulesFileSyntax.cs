using System.Collections.Immutable;
using GrokFlow.Dsl.NetFlow;

namespace GrokFlow.Dsl.Syntax;

/// <summary>A parsed .rules file: its grok pipelines and NetFlow layouts, in file order.</summary>
public sealed record RulesFileSyntax(ImmutableArray<PipelineSyntax> Pipelines, ImmutableArray<NetFlowLayoutSyntax> NetFlowLayouts);

/// <summary><c>pipeline ID "Title" { filter "..." grok ATTR { ... } ... }</c>.</summary>
public sealed record PipelineSyntax(string Id, string? Title, string? Filter, ImmutableArray<GrokParserSyntax> Parsers, SourceSpan Span);

/// <summary><c>grok ATTR { match { ... } helpers { ... } }</c>: a Grok Parser applied to one attribute (usually message).</summary>
public sealed record GrokParserSyntax(string SourceAttribute, ImmutableArray<RuleSyntax> MatchRules, ImmutableArray<RuleSyntax> Helpers, SourceSpan Span);

/// <summary>One <c>Name pattern</c> line: the name, and the pattern verbatim to the end of the line.</summary>
public sealed record RuleSyntax(string Name, string Pattern, SourceSpan NameSpan, SourceSpan PatternSpan);
