using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Generator;

/// <summary>
/// Pipelines with processors, grok parsers of other attributes and nested pipelines compile to generated classes that
/// produce what the interpreter produces (both run their steps through the shared processing pipeline; the generated
/// one matches with its own code).
/// </summary>
public sealed class ProcessingPipelineGenerationTests
{
    private const string Rules = """
        pipeline web "Web" {
          grok message "Access" {
            match {
              access %{ipOrHost:network.client.ip} %{word:http.method} %{notSpace:http.url} %{integer:http.status_code} %{data:msg}
            }
          }
          grok msg "Detail" {
            match {
              detail took %{integer:duration}ms user=%{word:usr.name}
              other %{data:rest}
            }
            sample "took 12ms user=bob"
          }
          pipeline "Only errors" {
            filter "@http.status_code:[500 TO 599]"
            grok msg {
              match {
                error_detail took %{integer:error.duration}ms%{data}
              }
            }
          }
          attribute-remapper "Not run" {
            enabled false
            sources usr.name
            target user
          }
        }
        """;

    public static TheoryData<string> Lines =>
    [
        "10.0.0.1 GET /index.html 200 took 12ms user=bob",
        "10.0.0.1 POST /api 503 took 7ms user=eve",
        "host.example GET / 404 anything else",
        "not an access line",
    ];

    [Theory]
    [MemberData(nameof(Lines))]
    public void Generated_pipeline_with_steps_matches_the_interpreter(string line)
    {
        using var generated = GeneratedPipelineCompiler.CompileAndLoad(Rules);
        var interpreted = GrokHarness.Load(Rules);

        var (generatedResult, generatedOutput) = GrokHarness.Run(generated["web"], line);
        var (interpretedResult, interpretedOutput) = GrokHarness.Run(interpreted, line);

        Assert.Equal(interpretedResult, generatedResult);
        Assert.Equal(interpretedOutput.ToJsonString(), generatedOutput.ToJsonString());
    }

    [Fact]
    public void Second_grok_parser_reads_the_attribute_the_first_extracted()
    {
        using var generated = GeneratedPipelineCompiler.CompileAndLoad(Rules);

        var (result, output) = GrokHarness.Run(generated["web"], "10.0.0.1 GET /index.html 200 took 12ms user=bob");

        Assert.True(result.Matched);
        Assert.Equal("access", result.RuleName);
        Assert.Equal(12, (int)output["duration"]!);
        Assert.Equal("bob", (string)output["usr"]!["name"]!);
        Assert.Null(output["user"]);
    }

    [Fact]
    public void Generated_code_names_each_step_with_its_line()
    {
        var run = GeneratedPipelineCompiler.Generate(Rules);
        var source = run.Output.SyntaxTrees.Single(t => t.FilePath.Contains("WebPipeline", StringComparison.Ordinal)).ToString();

        Assert.Contains("// grok-parser \"Detail\" (line 7)", source, StringComparison.Ordinal);
        Assert.Contains("// attribute-remapper \"Not run\" (line 22), disabled", source, StringComparison.Ordinal);
        Assert.Contains("new GrokStepModel(ParserIndex: 1, SourceAttribute: \"msg\"", source, StringComparison.Ordinal);
    }
}
