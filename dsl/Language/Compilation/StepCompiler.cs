using System.Collections.Immutable;
using GrokFlow.Language.Diagnostics;
using GrokFlow.Language.Model;
using GrokFlow.Language.Model.Processors;
using GrokFlow.Language.Syntax;

namespace GrokFlow.Language.Compilation;

/// <summary>
/// Checks a pipeline's steps and turns them into the model: grok steps point at their compiled parser, processors get
/// their settings read and checked by their <see cref="ProcessorDescriptor"/> (defaults as Datadog's), nested pipelines
/// recurse.
/// </summary>
internal sealed class StepCompiler(IReadOnlyList<GrokParserSyntax> parsers, List<RulesDiagnostic> diagnostics)
{
    public EquatableArray<StepModel> CompileAll(ImmutableArray<StepSyntax> steps) =>
        steps.Select(Compile).Where(s => s is not null).Select(s => s!).ToImmutableArray();

    private StepModel? Compile(StepSyntax step) => step switch
    {
        GrokParserSyntax grok => new GrokStepModel(IndexOf(grok), grok.SourceAttribute, grok.Samples.IsDefault ? [] : grok.Samples, grok.Name, grok.Enabled, grok.Span.Line),
        NestedPipelineSyntax nested => new NestedPipelineModel(nested.Filter ?? "", CompileAll(nested.Steps), nested.Name, nested.Enabled, nested.Span.Line),
        ProcessorSyntax processor => Compile(processor),
        _ => null,
    };

    private int IndexOf(GrokParserSyntax grok) =>
        Enumerable.Range(0, parsers.Count).First(i => ReferenceEquals(parsers[i], grok));

    private StepModel? Compile(ProcessorSyntax processor)
    {
        var descriptor = ProcessorDescriptors.Find(processor.Type);
        if (descriptor is null)
        {
            diagnostics.Add(new RulesDiagnostic(DiagnosticCodes.UnknownProcessor,
                $"unknown processor '{processor.Type}' (known: grok, pipeline, {string.Join(", ", ProcessorDescriptors.All.Select(d => d.Type))})",
                processor.Span.Line, processor.Span.Column));
            return null;
        }
        var settings = new ProcessorSettings(processor, diagnostics);
        var model = descriptor.Compile(settings);
        settings.ReportUnknown();
        return model;
    }
}
