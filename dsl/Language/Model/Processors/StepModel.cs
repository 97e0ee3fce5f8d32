namespace GrokFlow.Language.Model.Processors;

/// <summary>
/// One checked step of a pipeline, in order: a grok parser, a processor, or a nested pipeline. <see cref="Type"/> is
/// Datadog's processor type (<c>grok-parser</c>, <c>attribute-remapper</c>...), <see cref="Name"/> the optional title,
/// <see cref="Line"/> where it is written (for comments and messages). A disabled step is kept (for export) but not run.
/// </summary>
public abstract record StepModel(string Type, string? Name, bool Enabled, int Line);

/// <summary>The grok parser at <see cref="ParserIndex"/> in the pipeline's parser list, with its samples.</summary>
public sealed record GrokStepModel(int ParserIndex, string SourceAttribute, EquatableArray<string> Samples, string? Name, bool Enabled, int Line)
    : StepModel("grok-parser", Name, Enabled, Line);

/// <summary>A nested pipeline: its steps run only on events its <see cref="Filter"/> (a search query) matches.</summary>
public sealed record NestedPipelineModel(string Filter, EquatableArray<StepModel> Steps, string? Name, bool Enabled, int Line)
    : StepModel("pipeline", Name, Enabled, Line);
