using System.CommandLine;
using System.Text.Json.Nodes;
using GrokFlow.Runtime.Cli;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.ImportExport;

/// <summary><c>grokflow import</c> and <c>grokflow export</c> run as the executable runs them, on files in a temporary folder.</summary>
public sealed class CliCommandTests : IDisposable
{
    private readonly InProcessCli _cli = new("grokflow-import-export-");

    public void Dispose() => _cli.Dispose();

    private const string IntegrationYaml = """
        id: demo
        backend_only: false
        pipeline:
          type: pipeline
          name: Demo App
          enabled: true
          filter:
            query: "source:demo"
          processors:
            - type: grok-parser
              name: Parsing
              enabled: true
              source: message
              samples:
                - "2024-01-02 INFO started"
              grok:
                supportRules: |
                  _date %{date("yyyy-MM-dd"):timestamp}
                matchRules: |
                  demo %{_date} %{word: level} %{data:msg}
            - type: string-builder-processor
              name: Code
              enabled: false
              template: 99
              target: code
              replaceMissing: true
        """;

    private (int Exit, string Out, string Err) Run(params string[] args) => _cli.Run(args);

    private string Write(string name, string text) => _cli.Write(name, text);

    [Fact]
    public void Import_reads_integration_yaml_and_export_writes_the_api_json()
    {
        var yaml = Write("demo.yaml", IntegrationYaml);
        var rules = Path.Combine(_cli.Folder, "demo.rules");
        var json = Path.Combine(_cli.Folder, "demo.json");

        var import = Run("import", yaml, "-o", rules);
        var export = Run("export", rules, "-o", json);

        Assert.Equal(0, import.Exit);
        Assert.Contains("grokflow import: pipeline 'demo_app', 2 processor(s) of which 1 grok parser(s)", import.Err);
        Assert.Contains("  string-builder-processor \"Code\" {\n    enabled false\n    template 99\n", File.ReadAllText(rules));
        Assert.Equal(0, export.Exit);
        var pipeline = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal("Demo App", pipeline["name"]!.GetValue<string>());
        Assert.Equal("source:demo", pipeline["filter"]!["query"]!.GetValue<string>());
        var grok = pipeline["processors"]![0]!;
        Assert.Equal("demo %{_date} %{word:level} %{data:msg}", grok["grok"]!["match_rules"]!.GetValue<string>());
        Assert.Equal("2024-01-02 INFO started", grok["samples"]![0]!.GetValue<string>());
        var builder = pipeline["processors"]![1]!;
        Assert.False(builder["is_enabled"]!.GetValue<bool>());
        Assert.Equal("99", builder["template"]!.GetValue<string>());
        Assert.True(builder["is_replace_missing"]!.GetValue<bool>());
    }

    [Fact]
    public void Import_writes_to_standard_output_and_reports_malformed_input()
    {
        var json = Write("p.json", """{"name":"P","processors":[{"type":"status-remapper","name":"S","is_enabled":true,"sources":["level"]}]}""");
        var broken = Write("broken.yaml", "pipeline: [unclosed");

        var ok = Run("import", json);
        var bad = Run("import", broken);

        Assert.Equal(0, ok.Exit);
        Assert.StartsWith("# Imported by 'grokflow import'", ok.Out);
        Assert.Contains("status-remapper \"S\" {", ok.Out);
        Assert.Equal(1, bad.Exit);
        Assert.Contains("error: not valid YAML", bad.Err);
    }

    [Fact]
    public void Export_needs_a_pipeline_id_when_the_file_holds_several_and_refuses_a_file_with_errors()
    {
        var two = Write("two.rules", """
            pipeline a { status-remapper "S" {
                sources level
              }
            }
            pipeline b "Bee" { service-remapper "S" {
                sources app
              }
            }
            """);
        var broken = Write("broken.rules", "pipeline a {\n  url-parser \"U\" {\n    no_such_setting x\n  }\n}\n");

        var ambiguous = Run("export", two);
        var chosen = Run("export", two, "--pipeline", "b");
        var missing = Run("export", two, "--pipeline", "c");
        var refused = Run("export", broken);

        Assert.Equal(1, ambiguous.Exit);
        Assert.Contains("holds 2 pipelines (a, b); choose one with --pipeline ID", ambiguous.Err);
        Assert.Equal(0, chosen.Exit);
        Assert.Equal("Bee", JsonNode.Parse(chosen.Out)!["name"]!.GetValue<string>());
        Assert.Equal(1, missing.Exit);
        Assert.Contains("no pipeline 'c'", missing.Err);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("GF0015", refused.Err);
        Assert.Empty(refused.Out);
    }

    [Fact]
    public void Both_commands_have_help()
    {
        Assert.Contains("Logs Pipelines API", Run("export", "--help").Out);
        Assert.Contains("--pipeline", Run("export", "--help").Out);
        Assert.Contains("integration pipeline", Run("import", "--help").Out);
    }
}
