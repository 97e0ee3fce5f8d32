using System.Text;

namespace GrokFlow.Dsl.Import;

/// <summary>
/// Writes an imported Datadog pipeline as a <c>.rules</c> file: one <c>pipeline</c> with the pipeline's filter and one
/// <c>grok</c> block per grok parser (nested pipelines' parsers too, in order). Everything grokflow does not translate
/// yet is written as <c>#</c> comments, so the file still compiles and says what was left out.
/// </summary>
public static class RulesTextWriter
{
    /// <summary>The .rules text of <paramref name="pipeline"/>, with rules grokflow rejects commented out (see <see cref="CompilableRules"/>).</summary>
    public static string Write(DatadogPipeline pipeline) => CompilableRules.Repair(WriteVerbatim(pipeline)).Text;

    /// <summary>The .rules text of <paramref name="pipeline"/> with every rule as Datadog has it, compiling or not.</summary>
    public static string WriteVerbatim(DatadogPipeline pipeline)
    {
        var text = new StringBuilder();
        if (!pipeline.GrokParsers().Any(p => IsRunnable(p.Parser)))
        {
            // The .rules language requires a grok block in every pipeline: without one, the pipeline is kept as a note.
            text.Append("# Imported by 'grokflow import' from the Datadog pipeline \"").Append(OneLine(pipeline.Name)).Append("\".\n");
            text.Append("# It has no enabled grok parser, so there is nothing grokflow can run yet; its processors were:\n");
            text.Append("# pipeline ").Append(PipelineId.From(pipeline.Name)).Append(' ').Append(Quoted(pipeline.Name)).Append(" {\n");
            if (pipeline.FilterQuery.Length > 0) text.Append("#   filter ").Append(Quoted(pipeline.FilterQuery)).Append('\n');
            var body = new StringBuilder();
            WriteProcessors(body, pipeline.Processors, "");
            foreach (var line in body.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)) text.Append('#').Append(line).Append('\n');
            text.Append("# }\n");
            return text.ToString();
        }
        text.Append("# Imported by 'grokflow import' from the Datadog pipeline \"").Append(OneLine(pipeline.Name)).Append("\".\n");
        if (!pipeline.Enabled) text.Append("# The pipeline is disabled in Datadog.\n");
        text.Append("pipeline ").Append(PipelineId.From(pipeline.Name)).Append(' ').Append(Quoted(pipeline.Name)).Append(" {\n");
        if (pipeline.FilterQuery.Length > 0) text.Append("  filter ").Append(Quoted(pipeline.FilterQuery)).Append('\n');
        WriteProcessors(text, pipeline.Processors, "");
        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>
    /// A one-parser pipeline: how a single grok parser of a definition is run on its own. The parser reads
    /// <c>message</c> whatever its source, so callers hand it the source attribute's text as the line.
    /// </summary>
    public static string WriteSingleParser(string id, DatadogProcessor grokParser) =>
        CompilableRules.Repair(WriteSingleParserVerbatim(id, grokParser)).Text;

    private static string WriteSingleParserVerbatim(string id, DatadogProcessor grokParser)
    {
        var text = new StringBuilder();
        text.Append("pipeline ").Append(PipelineId.From(id)).Append(" {\n");
        WriteGrokParser(text, grokParser with { Source = "message" }, "");
        text.Append("}\n");
        return text.ToString();
    }

    private static void WriteProcessors(StringBuilder text, IEnumerable<DatadogProcessor> processors, string nesting)
    {
        foreach (var processor in processors)
        {
            if (processor.IsGrokParser) WriteGrokParser(text, processor, nesting);
            else if (processor.IsPipeline)
            {
                text.Append("  # nested pipeline ").Append(Quoted(processor.Name));
                if (!string.IsNullOrEmpty(processor.FilterQuery)) text.Append(" with filter ").Append(Quoted(processor.FilterQuery!));
                if (!processor.Enabled)
                {
                    text.Append(" skipped: disabled in Datadog\n");
                    continue;
                }
                text.Append(": its grok parsers follow; nested filters are not applied yet\n");
                WriteProcessors(text, processor.Processors, nesting + OneLine(processor.Name) + " / ");
                text.Append("  # end of nested pipeline ").Append(Quoted(processor.Name)).Append('\n');
            }
            else
            {
                text.Append("  # skipped ").Append(processor.Type).Append(' ').Append(Quoted(processor.Name))
                    .Append(": not imported yet\n");
            }
        }
    }

    private static void WriteGrokParser(StringBuilder text, DatadogProcessor parser, string nesting)
    {
        var header = $"  # grok parser {Quoted(nesting + parser.Name)}";
        if (!parser.Enabled)
        {
            text.Append(header).Append(" skipped: disabled in Datadog\n");
            return;
        }
        var match = GrokRuleLines.Parse(parser.MatchRules ?? "");
        if (match.Rules.Count == 0)
        {
            text.Append(header).Append(" skipped: it has no match rules\n");
            return;
        }
        var helpers = GrokRuleLines.Parse(parser.SupportRules ?? "");
        text.Append(header).Append('\n');
        text.Append("  grok ").Append(SourceAttribute(parser.Source)).Append(" {\n");
        WriteRuleBlock(text, "match", match);
        if (helpers.Rules.Count > 0 || helpers.Comments.Count > 0) WriteRuleBlock(text, "helpers", helpers);
        text.Append("  }\n");
    }

    /// <summary>A grok parser that becomes a grok block: enabled, with at least one match rule.</summary>
    public static bool IsRunnable(DatadogProcessor parser) =>
        parser.IsGrokParser && parser.Enabled && GrokRuleLines.Parse(parser.MatchRules ?? "").Rules.Count > 0;

    private static void WriteRuleBlock(StringBuilder text, string keyword, GrokRuleLines lines)
    {
        text.Append("    ").Append(keyword).Append(" {\n");
        foreach (var line in lines.Lines) text.Append("      ").Append(line).Append('\n');
        text.Append("    }\n");
    }

    private static string SourceAttribute(string? source) =>
        string.IsNullOrWhiteSpace(source) ? "message" : source.Trim();

    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');

    private static string Quoted(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }
}
