using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;

namespace GrokFlow.Tooling.Import;

/// <summary>The result of importing a pipeline: the .rules text, the rules commented out, and notes on what has no .rules form.</summary>
public sealed record ImportedRules(string Text, ImmutableArray<string> DroppedRules, ImmutableArray<string> Notes);

/// <summary>
/// Writes an imported Datadog pipeline as a <c>.rules</c> file: one <c>pipeline</c> with the pipeline's filter and
/// every processor in order: grok parsers as <c>grok</c> blocks, nested pipelines as <c>pipeline "Name" { }</c>,
/// the other processors as <c>TYPE "Name" { settings }</c>. What grokflow cannot express is written as <c>#</c>
/// comments, so the file still compiles and says what was left out.
/// </summary>
public static class RulesTextWriter
{
    private static readonly string[] GrokKeys = ["type", "name", "enabled", "is_enabled", "source", "samples", "grok"];
    private static readonly string[] GrokRuleKeys = ["support_rules", "supportRules", "match_rules", "matchRules"];
    private static readonly string[] PipelineKeys = ["type", "name", "enabled", "is_enabled", "filter", "processors"];

    /// <summary>The .rules text of <paramref name="pipeline"/>, with what grokflow rejects commented out (see <see cref="CompilableRules"/>).</summary>
    public static ImportedRules Import(DatadogPipeline pipeline)
    {
        var notes = new List<string>();
        var (text, dropped) = CompilableRules.Repair(WriteVerbatim(pipeline, notes));
        return new ImportedRules(text, dropped, [.. notes]);
    }

    /// <summary>The .rules text of <paramref name="pipeline"/>, with what grokflow rejects commented out.</summary>
    public static string Write(DatadogPipeline pipeline) => Import(pipeline).Text;

    /// <summary>The .rules text of <paramref name="pipeline"/> with every rule as Datadog has it, compiling or not.</summary>
    public static string WriteVerbatim(DatadogPipeline pipeline) => WriteVerbatim(pipeline, new List<string>());

    private static string WriteVerbatim(DatadogPipeline pipeline, ICollection<string> notes)
    {
        var text = new StringBuilder();
        text.Append("# Imported by 'grokflow import' from the Datadog pipeline ").Append(RulesLiteral.Quoted(pipeline.Name)).Append(".\n");
        if (!pipeline.Enabled)
        {
            notes.Add("the pipeline is disabled in Datadog; .rules pipelines have no 'enabled' setting, so it is imported enabled");
            text.Append("# The pipeline is disabled in Datadog.\n");
        }
        text.Append("pipeline ").Append(PipelineId.From(pipeline.Name)).Append(' ').Append(RulesLiteral.Quoted(pipeline.Name)).Append(" {\n");
        if (pipeline.FilterQuery.Length > 0) text.Append("  filter ").Append(RulesLiteral.Quoted(pipeline.FilterQuery)).Append('\n');
        WriteSteps(text, pipeline.Processors, "  ", notes);
        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>
    /// A one-parser pipeline: how a single grok parser of a definition is run on its own. The parser reads
    /// <c>message</c> whatever its source, so callers hand it the source attribute's text as the line.
    /// </summary>
    public static string WriteSingleParser(string id, DatadogProcessor grokParser)
    {
        var text = new StringBuilder();
        text.Append("pipeline ").Append(PipelineId.From(id)).Append(" {\n");
        WriteGrokParser(text, grokParser with { Source = "message" }, "  ", new List<string>());
        text.Append("}\n");
        return CompilableRules.Repair(text.ToString()).Text;
    }

    private static void WriteSteps(StringBuilder text, IEnumerable<DatadogProcessor> processors, string indent, ICollection<string> notes)
    {
        foreach (var processor in processors)
        {
            if (processor.IsGrokParser) WriteGrokParser(text, processor, indent, notes);
            else if (processor.IsPipeline) WriteNestedPipeline(text, processor, indent, notes);
            else ProcessorBlockWriter.Write(text, processor, indent, notes);
        }
    }

    private static void WriteNestedPipeline(StringBuilder text, DatadogProcessor pipeline, string indent, ICollection<string> notes)
    {
        var inner = indent + "  ";
        text.Append(indent).Append("pipeline ").Append(RulesLiteral.Quoted(pipeline.Name)).Append(" {\n");
        if (!string.IsNullOrEmpty(pipeline.FilterQuery)) text.Append(inner).Append("filter ").Append(RulesLiteral.Quoted(pipeline.FilterQuery)).Append('\n');
        if (!pipeline.Enabled) text.Append(inner).Append("enabled false\n");
        WriteUnmapped(text, inner, pipeline, JsonNode.Parse(pipeline.Raw)!.AsObject(), PipelineKeys, notes);
        WriteSteps(text, pipeline.Processors, inner, notes);
        text.Append(indent).Append("}\n");
    }

    private static void WriteGrokParser(StringBuilder text, DatadogProcessor parser, string indent, ICollection<string> notes)
    {
        var match = GrokRuleLines.Parse(parser.MatchRules ?? "");
        var source = SourceAttribute(parser.Source);
        if (match.Rules.Count == 0 || !RulesLiteral.IsIdentifier(source))
        {
            var why = match.Rules.Count == 0 ? "it has no match rules" : $"its source {RulesLiteral.Quoted(source)} is not an attribute path .rules can name";
            notes.Add($"grok parser {RulesLiteral.Quoted(parser.Name)} not imported: {why}");
            text.Append(indent).Append("# grok parser ").Append(RulesLiteral.Quoted(parser.Name)).Append(" not imported: ").Append(why).Append('\n');
            return;
        }
        var inner = indent + "  ";
        var helpers = GrokRuleLines.Parse(parser.SupportRules ?? "");
        text.Append(indent).Append("grok ").Append(source).Append(' ').Append(RulesLiteral.Quoted(parser.Name)).Append(" {\n");
        if (!parser.Enabled) text.Append(inner).Append("enabled false\n");
        var definition = JsonNode.Parse(parser.Raw)!.AsObject();
        WriteUnmapped(text, inner, parser, definition, GrokKeys, notes);
        if (definition["grok"] is JsonObject grok) WriteUnmapped(text, inner, parser, grok, GrokRuleKeys, notes, "grok.");
        foreach (var sample in parser.Samples.IsDefault ? [] : parser.Samples)
            text.Append(inner).Append("sample ").Append(RulesLiteral.Quoted(sample)).Append('\n');
        WriteRuleBlock(text, inner, "match", match);
        if (helpers.Rules.Count > 0 || helpers.Comments.Count > 0) WriteRuleBlock(text, inner, "helpers", helpers);
        text.Append(indent).Append("}\n");
    }

    private static void WriteUnmapped(StringBuilder text, string indent, DatadogProcessor processor, JsonObject definition,
        string[] known, ICollection<string> notes, string prefix = "")
    {
        foreach (var (key, value) in definition.Where(p => !known.Contains(p.Key) && p.Value is not null))
            ProcessorBlockWriter.Unmapped(text, indent, processor, prefix + key, value!, notes);
    }

    /// <summary>A grok parser that becomes a grok block that runs: enabled, with at least one match rule.</summary>
    public static bool IsRunnable(DatadogProcessor parser) =>
        parser.IsGrokParser && parser.Enabled && GrokRuleLines.Parse(parser.MatchRules ?? "").Rules.Count > 0;

    private static void WriteRuleBlock(StringBuilder text, string indent, string keyword, GrokRuleLines lines)
    {
        text.Append(indent).Append(keyword).Append(" {\n");
        foreach (var line in lines.Lines) text.Append(indent).Append("  ").Append(line).Append('\n');
        text.Append(indent).Append("}\n");
    }

    private static string SourceAttribute(string? source) =>
        string.IsNullOrWhiteSpace(source) ? "message" : source.Trim();
}
