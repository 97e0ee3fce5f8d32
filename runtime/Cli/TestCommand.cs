using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GrokFlow.Tooling.Import;
using GrokFlow.Tooling.Interpretation;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Runtime.Datadog;
using YamlDotNet.Core;

namespace GrokFlow.Runtime.Cli;

/// <summary>
/// <c>grokflow test PIPELINE TESTS</c>: runs a Datadog integration test file (<c>*_tests.yaml</c>) offline against a
/// .rules pipeline or a Datadog pipeline definition (imported on the fly, as <c>grokflow import</c> does).
/// </summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var pipelineFile = new Argument<FileInfo>("pipeline") { Description = "A .rules file, or a Datadog pipeline definition (integration YAML, API JSON) to import on the fly." };
        var testsFile = new Argument<FileInfo>("tests") { Description = "Datadog's test file (*_tests.yaml: tests with sample, service and result), or a conformance corpus .jsonl." };
        var pipelineOption = new Option<string?>("--pipeline", "-p") { Description = "The pipeline id when the .rules file holds several." };
        var clockOption = new Option<string>("--clock")
        {
            Description = "The time dates without a year or a day resolve against (the nearest candidate wins): ISO 8601 (2026-03-01T12:00:00Z) or 'now'. Default 1971-01-01T00:00:00Z (the end of 1970), the clock Datadog recorded its integration tests with.",
            DefaultValueFactory = _ => "1971-01-01T00:00:00Z",
        };
        var command = new Command("test", """
            Run Datadog integration tests offline: each sample goes through the pipeline with its service and the
            source the pipeline's filter names, and the event is compared with the recorded result. Prints a diff for
            each failing test, then 'N passed, M failed'; exit code 1 when a test fails, 2 when a file cannot be read.
            """)
        {
            pipelineFile, testsFile, pipelineOption, clockOption,
        };
        command.SetAction(result => Run(result.GetValue(pipelineFile)!, result.GetValue(testsFile)!, result.GetValue(pipelineOption),
            result.GetValue(clockOption)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(FileInfo pipelineFile, FileInfo testsFile, string? pipelineId, string clockText, TextWriter stdout, TextWriter stderr)
    {
        if (!TryParseClock(clockText, out var clock))
        {
            stderr.WriteLine($"grokflow test: --clock '{clockText}' is neither an ISO 8601 time nor 'now'");
            return 2;
        }
        var pipeline = LoadPipeline(pipelineFile, pipelineId, stderr);
        if (pipeline is null) return 2;
        if (!testsFile.Exists)
        {
            stderr.WriteLine($"{testsFile}: error: file not found");
            return 2;
        }
        IReadOnlyList<DatadogTest> tests;
        try
        {
            tests = DatadogTestFile.Read(testsFile.FullName, File.ReadAllText(testsFile.FullName), pipeline.Id);
        }
        catch (Exception e) when (e is FormatException or JsonException or YamlException)
        {
            stderr.WriteLine($"{testsFile}: error: {e.Message}");
            return 2;
        }

        var runner = new DatadogTestRunner(pipeline, clock);
        var failed = 0;
        foreach (var test in tests)
        {
            var outcome = runner.Run(test);
            if (outcome.Passed) continue;
            failed++;
            stdout.WriteLine($"FAIL test {test.Index}{(test.Service is null ? "" : $" (service {test.Service})")}: {Abbreviated(test.SampleText)}");
            foreach (var difference in outcome.Differences) stdout.WriteLine("  " + difference);
        }
        stdout.WriteLine($"{tests.Count - failed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    private static IGrokPipeline? LoadPipeline(FileInfo file, string? pipelineId, TextWriter stderr)
    {
        if (!file.Exists)
        {
            stderr.WriteLine($"{file}: error: file not found");
            return null;
        }
        string rulesText;
        var text = File.ReadAllText(file.FullName);
        if (file.Extension == ".rules") rulesText = text;
        else
        {
            try
            {
                rulesText = RulesTextWriter.Import(DatadogPipelineReader.Read(YamlToJson.LooksLikeYaml(file, text) ? YamlToJson.Convert(text) : text)).Text;
            }
            catch (Exception e) when (e is DatadogImportException or JsonException or YamlException)
            {
                stderr.WriteLine($"{file}: error: {e.Message}");
                return null;
            }
        }
        var loaded = RulesInterpreter.Load(rulesText);
        foreach (var diagnostic in loaded.Diagnostics) stderr.WriteLine(diagnostic.Format(file.ToString()));
        if (loaded.HasErrors) return null;
        var pipeline = pipelineId is null ? loaded.Pipelines.FirstOrDefault() : loaded.Pipelines.FirstOrDefault(p => p.Id == pipelineId);
        if (pipeline is null)
            stderr.WriteLine($"{file}: error: no pipeline{(pipelineId is null ? "" : $" '{pipelineId}'")}. Available: {string.Join(", ", loaded.Pipelines.Select(p => p.Id))}");
        else if (pipelineId is null && loaded.Pipelines.Length > 1)
            stderr.WriteLine($"{file}: note: testing pipeline '{pipeline.Id}', the first of {loaded.Pipelines.Length} (choose with --pipeline)");
        return pipeline;
    }

    private static bool TryParseClock(string text, out DateTimeOffset clock)
    {
        if (text == "now")
        {
            clock = DateTimeOffset.UtcNow;
            return true;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out clock);
    }

    private static string Abbreviated(string sample)
    {
        var oneLine = sample.ReplaceLineEndings("\\n");
        return oneLine.Length > 120 ? oneLine[..120] + "…" : oneLine;
    }
}
