using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using GrokFlow.Language.Compilation;
using GrokFlow.Language.Diagnostics;
using GrokFlow.Tooling.Export;

namespace GrokFlow.Runtime.Cli;

/// <summary><c>grokflow export</c>: writes a .rules pipeline as the Datadog Logs Pipelines API JSON.</summary>
internal static class ExportCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The .rules file holding the pipeline." };
        var pipelineId = new Option<string?>("--pipeline", "-p") { Description = "The id of the pipeline to export; needed when the file holds several." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the JSON here instead of standard output." };
        var command = new Command("export", """
            Write a .rules pipeline as the Logs Pipelines API object Datadog accepts ({"name", "is_enabled", "filter",
            "processors"}): grok parsers with their rules as written and their samples, nested pipelines, every other
            processor with its settings in snake_case. Rules and settings 'grokflow import' kept as comments are written
            back. The file must pass 'grokflow check'; exit code 1 otherwise.
            """)
        {
            file,
            pipelineId,
            output,
        };
        command.SetAction(result => Run(result.GetValue(file)!, result.GetValue(pipelineId), result.GetValue(output),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(FileInfo file, string? pipelineId, FileInfo? output, TextWriter stdout, TextWriter stderr)
    {
        if (!file.Exists)
        {
            stderr.WriteLine($"{file.FullName}: error: file not found");
            return 1;
        }
        var text = File.ReadAllText(file.FullName);
        var compiled = RulesCompiler.Compile(text);
        var errors = compiled.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 || compiled.Syntax is null)
        {
            foreach (var error in errors) stderr.WriteLine(error.Format(file.ToString()));
            stderr.WriteLine($"grokflow export: {errors.Count} error(s); nothing exported");
            return 1;
        }
        var pipelines = compiled.Syntax.Pipelines;
        var ids = string.Join(", ", pipelines.Select(p => p.Id));
        var chosen = pipelineId is null ? (pipelines.Length == 1 ? pipelines[0] : null) : pipelines.FirstOrDefault(p => p.Id == pipelineId);
        if (chosen is null)
        {
            stderr.WriteLine(pipelineId is null
                ? $"{file}: error: the file holds {pipelines.Length} pipelines ({ids}); choose one with --pipeline ID"
                : $"{file}: error: no pipeline '{pipelineId}' (the file holds: {(ids.Length == 0 ? "none" : ids)})");
            return 1;
        }
        var json = PipelineJsonExporter.Export(chosen, text).ToJsonString(Indented) + "\n";
        if (output is null) stdout.Write(json);
        else File.WriteAllText(output.FullName, json);
        stderr.WriteLine($"grokflow export: pipeline '{chosen.Id}', {chosen.Steps.Length} step(s){(output is null ? "" : $", written to {output}")}");
        return 0;
    }
}
