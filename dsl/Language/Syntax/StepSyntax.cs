using System.Collections.Immutable;

namespace GrokFlow.Language.Syntax;

/// <summary>One step of a pipeline, in file order: a grok parser, another processor, or a nested pipeline.</summary>
public abstract record StepSyntax(SourceSpan Span);

/// <summary>
/// <c>TYPE ["Name"] { key value, ... }</c>: a processor named by its Datadog type (<c>attribute-remapper</c>,
/// <c>date-remapper</c>...) with its settings, one per line.
/// </summary>
public sealed record ProcessorSyntax(string Type, string? Name, ImmutableArray<SettingSyntax> Settings, SourceSpan Span) : StepSyntax(Span);

/// <summary>
/// One setting line: the key and its comma-separated values (bare words or quoted strings), or, for a block setting
/// such as <c>lookup_table { ... }</c>, the lines of the block verbatim in <see cref="BlockLines"/>.
/// </summary>
public sealed record SettingSyntax(string Key, ImmutableArray<string> Values, ImmutableArray<string>? BlockLines, SourceSpan Span);

/// <summary><c>pipeline "Name" { filter "..." steps... }</c> inside a pipeline: steps applied only to events its filter matches.</summary>
public sealed record NestedPipelineSyntax(string? Name, string? Filter, bool Enabled, ImmutableArray<StepSyntax> Steps, SourceSpan Span) : StepSyntax(Span);
