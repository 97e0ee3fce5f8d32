using System.Text.Json.Nodes;
using GrokFlow.Language.Compilation;
using GrokFlow.Tooling.Export;
using GrokFlow.Tooling.Import;

namespace GrokFlow.Tests.ImportExport;

/// <summary>Imports one-processor pipelines and exports them back, for the per-processor tests.</summary>
internal static class ProcessorRoundTrip
{
    /// <summary>The .rules text of a pipeline named <c>t</c> holding <paramref name="processorJson"/>.</summary>
    public static ImportedRules Import(string processorJson) =>
        RulesTextWriter.Import(DatadogPipelineReader.Read($$"""{"name": "t", "processors": [{{processorJson}}]}"""));

    /// <summary>The lines between the pipeline's header (and filter) and its closing brace, indentation kept.</summary>
    public static string Body(string rulesText)
    {
        var lines = rulesText.Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith("pipeline ", StringComparison.Ordinal)) + 1;
        var end = lines.FindLastIndex(l => l == "}");
        return string.Join("\n", lines.GetRange(start, end - start));
    }

    /// <summary>The exported pipeline object of <paramref name="rulesText"/>, which must compile.</summary>
    public static JsonObject Export(string rulesText)
    {
        var compiled = RulesCompiler.Compile(rulesText);
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics.Select(d => d.Format("t.rules"))) + "\n" + rulesText);
        return PipelineJsonExporter.Export(compiled.Syntax!.Pipelines.Single(), rulesText);
    }

    public static JsonObject FirstProcessor(string rulesText) => Export(rulesText)["processors"]![0]!.AsObject();
}
