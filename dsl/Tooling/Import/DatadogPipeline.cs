using System.Collections.Immutable;

namespace GrokFlow.Tooling.Import;

/// <summary>A Datadog log pipeline as its definition describes it: a name, a search filter and processors in order.</summary>
public sealed record DatadogPipeline(string Name, string FilterQuery, bool Enabled, ImmutableArray<DatadogProcessor> Processors)
{
    /// <summary>
    /// The grok parsers of the pipeline and of its enabled nested pipelines, depth first in processor order, with the
    /// filters of the nested pipelines that enclose each one (outermost first).
    /// </summary>
    public IEnumerable<(DatadogProcessor Parser, ImmutableArray<string> EnclosingFilters)> GrokParsers() =>
        GrokParsersOf(Processors, []);

    private static IEnumerable<(DatadogProcessor, ImmutableArray<string>)> GrokParsersOf(
        ImmutableArray<DatadogProcessor> processors, ImmutableArray<string> enclosing)
    {
        foreach (var processor in processors)
        {
            if (processor.IsGrokParser) yield return (processor, enclosing);
            else if (processor.IsPipeline && processor.Enabled)
            {
                foreach (var inner in GrokParsersOf(processor.Processors, enclosing.Add(processor.FilterQuery ?? "")))
                    yield return inner;
            }
        }
    }
}

/// <summary>
/// One processor of a pipeline. The grok parser and nested pipeline parts are typed; <see cref="Raw"/> keeps the whole
/// definition (the other processors' settings are read from it).
/// </summary>
public sealed record DatadogProcessor(
    string Type,
    string Name,
    bool Enabled,
    string? Source,
    string? SupportRules,
    string? MatchRules,
    string? FilterQuery,
    ImmutableArray<DatadogProcessor> Processors,
    string Raw,
    ImmutableArray<string> Samples = default)
{
    public const string GrokParserType = "grok-parser";
    public const string PipelineType = "pipeline";

    public bool IsGrokParser => Type == GrokParserType;
    public bool IsPipeline => Type == PipelineType;
}
