using System.Collections.Immutable;
using GrokFlow.Language.Compilation;
using GrokFlow.Language.Diagnostics;

namespace GrokFlow.Language.Model.Processors;

/// <summary>One category: the value written when its search <see cref="Query"/> matches.</summary>
public sealed record CategoryModel(string Name, string Query);

/// <summary><c>category-processor</c>: sets <see cref="Target"/> to the name of the first category whose query matches.</summary>
public sealed record CategoryProcessorModel(string Target, EquatableArray<CategoryModel> Categories, string? Name, bool Enabled, int Line)
    : StepModel("category-processor", Name, Enabled, Line)
{
    internal static readonly ProcessorDescriptor Descriptor = new("category-processor",
        [DatadogSetting.Target, new("category", DatadogSettingKind.Categories, false, "categories")], Compile);

    private static CategoryProcessorModel Compile(ProcessorSettings s)
    {
        var categories = new List<CategoryModel>();
        foreach (var line in s.All("category"))
        {
            if (line.BlockLines is not null || line.Values.Length != 2)
            {
                s.Error(DiagnosticCodes.BadSetting, "'category' takes the value to set and its search query: category \"NAME\", \"QUERY\"", line.Span);
                continue;
            }
            categories.Add(new CategoryModel(line.Values[0], line.Values[1]));
        }
        if (categories.Count == 0)
            s.Error(DiagnosticCodes.MissingSetting, "category-processor needs at least one 'category \"NAME\", \"QUERY\"' line", s.Processor.Span);
        return new CategoryProcessorModel(s.String("target") ?? "", categories.ToImmutableArray(), s.Processor.Name, s.Enabled, s.Processor.Span.Line);
    }
}
