using System.CommandLine;
using GrokFlow.Dsl.Compilation;
using GrokFlow.Dsl.Diagnostics;
using GrokFlow.Dsl.Import;

namespace GrokFlow.Runtime.Cli;

/// <summary><c>grokflow import</c>: turns a Datadog pipeline definition (JSON) into a .rules file.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The Datadog pipeline definition: Logs Pipelines API JSON, or an integration pipeline as JSON." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the .rules file here instead of standard output." };
        var command = new Command("import", """
            Convert a Datadog pipeline definition into a .rules file: the pipeline's filter and one grok block per grok
            parser (nested pipelines included, in order). Other processors are written as '#' comments (not imported yet),
            and so is any rule grokflow rejects, with the reason (also printed as a warning).
            """)
        {
            file,
            output,
        };
        command.SetAction(result => Run(result.GetValue(file)!, result.GetValue(output)));
        return command;
    }

    private static int Run(FileInfo file, FileInfo? output)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"{file.FullName}: error: file not found");
            return 1;
        }
        DatadogPipeline pipeline;
        try
        {
            pipeline = DatadogPipelineReader.Read(File.ReadAllText(file.FullName));
        }
        catch (DatadogImportException e)
        {
            Console.Error.WriteLine($"{file}: error: {e.Message}");
            return 1;
        }
        var (rules, dropped) = CompilableRules.Repair(RulesTextWriter.WriteVerbatim(pipeline));
        foreach (var rule in dropped) Console.Error.WriteLine($"{file}: warning: rule not imported: {rule}");
        var errors = RulesChecker.Check(rules).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        foreach (var error in errors) Console.Error.WriteLine(error.Format(output?.ToString() ?? "imported.rules"));
        if (output is null) Console.Out.Write(rules);
        else File.WriteAllText(output.FullName, rules);
        var parsers = pipeline.GrokParsers().Count();
        Console.Error.WriteLine($"grokflow import: pipeline '{PipelineId.From(pipeline.Name)}', {parsers} grok parser(s), {dropped.Length} rule(s) not imported, {errors.Count} error(s)");
        return errors.Count > 0 ? 1 : 0;
    }
}
