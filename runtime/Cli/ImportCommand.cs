using System.CommandLine;
using GrokFlow.Language.Compilation;
using GrokFlow.Language.Diagnostics;
using GrokFlow.Tooling.Import;
using YamlDotNet.Core;

namespace GrokFlow.Runtime.Cli;

/// <summary><c>grokflow import</c>: turns a Datadog pipeline definition (JSON or integration YAML) into a .rules file.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = "The Datadog pipeline definition: Logs Pipelines API JSON, an integration pipeline (assets/logs/SOURCE.yaml, or as JSON), or a conformance corpus line.",
        };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the .rules file here instead of standard output." };
        var command = new Command("import", """
            Convert a Datadog pipeline definition into a .rules file: the pipeline's filter and every processor in order
            (grok parsers, nested pipelines, remappers, string builders, lookups...), disabled ones with 'enabled false'.
            A rule grokflow rejects, a setting with no .rules form and a processor type grokflow does not know are kept
            as '#' comments, with the reason (also printed as a warning); 'grokflow export' writes them back.
            """)
        {
            file,
            output,
        };
        command.SetAction(result => Run(result.GetValue(file)!, result.GetValue(output), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(FileInfo file, FileInfo? output, TextWriter stdout, TextWriter stderr)
    {
        if (!file.Exists)
        {
            stderr.WriteLine($"{file.FullName}: error: file not found");
            return 1;
        }
        DatadogPipeline pipeline;
        try
        {
            var text = File.ReadAllText(file.FullName);
            pipeline = DatadogPipelineReader.Read(YamlToJson.LooksLikeYaml(file, text) ? YamlToJson.Convert(text) : text);
        }
        catch (DatadogImportException e)
        {
            stderr.WriteLine($"{file}: error: {e.Message}");
            return 1;
        }
        catch (YamlException e)
        {
            stderr.WriteLine($"{file}({e.Start.Line},{e.Start.Column}): error: not valid YAML: {e.Message}");
            return 1;
        }
        var imported = RulesTextWriter.Import(pipeline);
        foreach (var rule in imported.DroppedRules) stderr.WriteLine($"{file}: warning: not imported: {rule}");
        foreach (var note in imported.Notes) stderr.WriteLine($"{file}: warning: {note}");
        var errors = RulesCompiler.Compile(imported.Text).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var error in errors) stderr.WriteLine(error.Format(output?.ToString() ?? "imported.rules"));
        if (output is null) stdout.Write(imported.Text);
        else File.WriteAllText(output.FullName, imported.Text);
        var parsers = pipeline.GrokParsers().Count();
        stderr.WriteLine($"grokflow import: pipeline '{PipelineId.From(pipeline.Name)}', {CountProcessors(pipeline.Processors)} processor(s) of which {parsers} grok parser(s), " +
                         $"{imported.DroppedRules.Length} item(s) commented out, {imported.Notes.Length} note(s), {errors.Count} error(s)");
        return errors.Count > 0 ? 1 : 0;
    }

    private static int CountProcessors(IEnumerable<DatadogProcessor> processors) =>
        processors.Sum(p => 1 + CountProcessors(p.Processors));
}
