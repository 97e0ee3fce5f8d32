using GrokFlow.Language.Compilation;
using GrokFlow.Language.Diagnostics;

namespace GrokFlow.Language.Model.Processors;

/// <summary>What an <c>array-processor</c> does.</summary>
public enum ArrayOperation : byte { Select, Append, Length }

/// <summary>
/// <c>array-processor</c>. <c>select</c>: in the array of objects at <see cref="Source"/>, the first element matching
/// <see cref="Filter"/> (a search query on the element's attributes) gives its <see cref="ValueToExtract"/> attribute to
/// <see cref="Target"/>. <c>append</c>: adds the source value to the array at <see cref="Target"/> (the source removed
/// unless <see cref="PreserveSource"/>). <c>length</c>: writes the array's length.
/// </summary>
public sealed record ArrayProcessorModel(
    ArrayOperation Operation,
    string Source,
    string Target,
    string? Filter,
    string? ValueToExtract,
    bool? PreserveSource,
    string? Name,
    bool Enabled,
    int Line) : StepModel("array-processor", Name, Enabled, Line)
{
    internal static readonly ProcessorDescriptor Descriptor = new("array-processor",
    [
        new("operation", DatadogSettingKind.Text, true),
        new("source", DatadogSettingKind.Text, true),
        new("target", DatadogSettingKind.Text, true),
        new("filter", DatadogSettingKind.Text, true),
        new("value_to_extract", DatadogSettingKind.Text, true, "valueToExtract"),
        new("preserve_source", DatadogSettingKind.Flag, true, "preserveSource"),
    ], Compile);

    private static ArrayProcessorModel Compile(ProcessorSettings s)
    {
        var operation = (ArrayOperation)(s.Choice("operation", "select", "append", "length") ?? 0);
        if (!s.Processor.Settings.Any(x => x.Key == "operation"))
            s.Error(DiagnosticCodes.MissingSetting, "array-processor needs 'operation' (select, append or length)", s.Processor.Span);
        var filter = s.String("filter", optional: operation != ArrayOperation.Select);
        var value = s.String("value_to_extract", optional: operation != ArrayOperation.Select);
        return new ArrayProcessorModel(operation, s.String("source") ?? "", s.String("target") ?? "", filter, value,
            s.Bool("preserve_source"), s.Processor.Name, s.Enabled, s.Processor.Span.Line);
    }
}
