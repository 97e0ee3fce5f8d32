using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using GrokFlow.Tooling.Interpretation;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Runtime.Cli;
using GrokFlow.Runtime.Datadog;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.DatadogPipelines;

/// <summary><c>grokflow test</c> and <c>grokflow parse --format datadog</c> as a user runs them, on files in a temporary folder.</summary>
public sealed class TestCommandTests : IDisposable
{
    private readonly InProcessCli _cli = new("grokflow-test-command-");

    public void Dispose() => _cli.Dispose();

    private const string PipelineYaml = """
        id: demo
        pipeline:
          type: pipeline
          name: Demo
          enabled: true
          filter:
            query: "source:demo"
          processors:
            - type: grok-parser
              name: Parsing
              enabled: true
              source: message
              grok:
                supportRules: ""
                matchRules: |
                  demo %{date("MMM dd HH:mm:ss"):date} %{word:level} %{data:msg}
            - type: date-remapper
              name: Date
              enabled: true
              sources: [date]
            - type: pipeline
              name: Only the web service
              enabled: true
              filter:
                query: "service:web"
              processors:
                - type: status-remapper
                  name: Level
                  enabled: true
                  sources: [level]
        """;

    private const string TestsYaml = """
        id: demo
        tests:
          - sample: "Mar 05 10:00:00 WARN disk low"
            service: web
            result:
              custom:
                date: 37015200000
                level: WARN
                msg: disk low
              message: "Mar 05 10:00:00 WARN disk low"
              service: web
              status: warn
              tags: ["source:LOGS_SOURCE"]
              timestamp: 37015200000
          - sample: "Mar 05 10:00:00 INFO all good"
            result:
              custom:
                date: 37015200000
                level: INFO
                msg: all fine
              message: "Mar 05 10:00:00 INFO all good"
              tags: ["source:LOGS_SOURCE"]
              timestamp: 37015200000
        """;

    private (int Exit, string Out, string Err) Run(params string[] args) => _cli.Run(args);

    private string Write(string name, string text) => _cli.Write(name, text);

    [Fact]
    public void The_nginx_pipeline_passes_Datadogs_recorded_nginx_tests()
    {
        var run = Run("test", Path.Combine(RepositoryPaths.Root, "rules", "nginx.rules"), Path.Combine(RepositoryPaths.Root, "rules", "nginx_tests.yaml"));

        Assert.Equal("6 passed, 0 failed\n", run.Out.ReplaceLineEndings("\n"));
        Assert.Equal(0, run.Exit);
    }

    [Fact]
    public void A_pipeline_definition_is_imported_on_the_fly_and_a_failing_test_prints_its_diff_and_exits_1()
    {
        var run = Run("test", Write("demo.yaml", PipelineYaml), Write("demo_tests.yaml", TestsYaml));

        Assert.Equal(1, run.Exit);
        Assert.Equal("""
            FAIL test 2: Mar 05 10:00:00 INFO all good
              custom.msg: Datadog "all fine", got "all good"
            1 passed, 1 failed

            """, run.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_clock_decides_the_year_of_dates_without_one()
    {
        var pipeline = Write("demo.yaml", PipelineYaml);
        var tests = Write("demo_tests.yaml", TestsYaml.Replace("all fine", "all good"));

        var recordingClock = Run("test", pipeline, tests);
        var laterClock = Run("test", pipeline, tests, "--clock", "2026-06-01T00:00:00Z");
        var badClock = Run("test", pipeline, tests, "--clock", "yesterday");

        Assert.Equal(0, recordingClock.Exit);
        Assert.Equal(1, laterClock.Exit);
        Assert.Contains("  timestamp: Datadog 37015200000, got 1772704800000", laterClock.Out);
        Assert.Equal(2, badClock.Exit);
        Assert.Contains("--clock 'yesterday'", badClock.Err);
    }

    [Fact]
    public void Parse_in_Datadogs_shape_puts_reserved_fields_first_and_attributes_under_custom_and_sees_the_service_given()
    {
        var loaded = RulesInterpreter.Load(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "rules", "nginx.rules")));
        var pipeline = loaded.Pipelines.Single(p => p.Id == "nginx");
        var line = "127.0.0.1 - frank [13/Jul/2016:10:55:36 +0000] \"GET /apache_pb.gif HTTP/1.0\" 200 2326\n";
        var output = new MemoryStream();
        var context = new DatadogEventContext(service: "web", source: "nginx", host: "h1", tags: ["env:prod,team:a"]);

        var summary = new ContextualLineParser(pipeline, context, EventFormat.Datadog, new ParseContext()).Run(new MemoryStream(Encoding.UTF8.GetBytes(line)), output);

        var text = Encoding.UTF8.GetString(output.ToArray());
        var result = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(1, summary.Lines);
        Assert.Equal(["message", "status", "service", "timestamp", "tags", "host", "custom"], result.Select(p => p.Key));
        Assert.Equal("web", result["service"]!.GetValue<string>());
        Assert.Equal(["source:nginx", "env:prod", "team:a"], result["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(200, result["custom"]!["http"]!["status_code"]!.GetValue<int>());
        Assert.Null(result["custom"]!["message"]);
    }

    [Fact]
    public void Parse_in_the_intake_shape_carries_the_context_as_the_host_writes_it_with_no_duplicate_keys()
    {
        var loaded = RulesInterpreter.Load(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "rules", "nginx.rules")));
        var pipeline = loaded.Pipelines.Single(p => p.Id == "nginx");
        var line = "127.0.0.1 - frank [13/Jul/2016:10:55:36 +0000] \"GET /apache_pb.gif HTTP/1.0\" 200 2326\n";
        var output = new MemoryStream();
        var context = new DatadogEventContext(service: "web", source: "nginx", host: "h1", tags: ["env:prod"]);

        new ContextualLineParser(pipeline, context, EventFormat.Intake, new ParseContext()).Run(new MemoryStream(Encoding.UTF8.GetBytes(line)), output);

        var text = Encoding.UTF8.GetString(output.ToArray());
        var keys = new System.Text.Json.Utf8JsonReader(output.ToArray());
        var topLevel = new List<string>();
        while (keys.Read())
        {
            if (keys.TokenType == System.Text.Json.JsonTokenType.PropertyName && keys.CurrentDepth == 1) topLevel.Add(keys.GetString()!);
        }
        Assert.Equal(topLevel.Distinct().Count(), topLevel.Count);
        var result = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("nginx", result["ddsource"]!.GetValue<string>());
        Assert.Equal("h1", result["hostname"]!.GetValue<string>());
        Assert.Equal("web", result["service"]!.GetValue<string>());
        Assert.Equal("env:prod", result["ddtags"]!.GetValue<string>());
    }
}
