using GrokFlow.Engine.Pipelines;
using GrokFlow.Tests.Differential;
using GrokFlow.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GrokFlow.Tests.Generator;

/// <summary>A valid .rules file gives no diagnostics and C# that compiles cleanly; the generator caches its outputs.</summary>
public sealed class GeneratedSourceTests(GeneratedPipelinesFixture compiled)
{
    private static string QnapRules => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "rules", "qnap.rules"));

    [Fact]
    public void ValidFilesGiveNoDiagnosticsAndSourceThatCompilesWithoutWarnings()
    {
        var run = GeneratedPipelineCompiler.Generate(QnapRules + ConstructPipelines.RulesText(), "/rules/valid.rules");

        Assert.Empty(run.Diagnostics);
        var hintNames = run.Result.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("valid.QnapPipeline.g.cs", hintNames);
        Assert.Contains("valid.AddressesPipeline.g.cs", hintNames);
        Assert.Contains("BuiltInPipelines.g.cs", hintNames);

        // Compiling rejects any error or warning; the loaded assembly holds every pipeline of the file.
        var loaded = compiled.Compile(ConstructPipelines.RulesText());
        Assert.Equal(ConstructPipelines.All.Select(c => c.Id).Order(), loaded.ById.Keys.Order());
        Assert.Equal("qnap", compiled.Compile(QnapRules)["qnap"].Id);
    }

    [Fact]
    public void ACatalogueListsEveryPipelineOfTheFile()
    {
        var run = GeneratedPipelineCompiler.Generate(QnapRules, "/rules/valid.rules");

        var catalogue = run.Result.Results.Single().GeneratedSources.Single(s => s.HintName == "BuiltInPipelines.g.cs").SourceText.ToString();
        Assert.Contains("new GrokFlow.Rules.Pipelines.QnapPipeline()", catalogue, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratedPipelineParsesALine()
    {
        var pipeline = compiled.Compile(QnapRules)["qnap"];
        var (result, attributes) = GrokHarness.Run(pipeline,
            "<30>Oct 30 20:24:24 NAS01 qulogd[14629]: conn log: Users: alice, Source IP: 10.50.36.33, Computer name: laptop, Connection type: Samba, Accessed resources: Public, Action: Read",
            new ParseContext(new FixedClock(new DateTimeOffset(2024, 11, 1, 0, 0, 0, TimeSpan.Zero))));

        Assert.Equal(("qnap", "QNAP NAS", "service:qnap-nas"), (pipeline.Id, pipeline.Title, pipeline.Filter));
        Assert.Equal(new GrokResult(GrokStatus.Matched, 0, "QNAP_Conn"), result);
        Assert.Equal("alice", attributes["user"]!.GetValue<string>());
        Assert.Equal(14629, attributes["process_id"]!.GetValue<double>());
        Assert.Equal(new DateTimeOffset(2024, 10, 30, 20, 24, 24, TimeSpan.Zero).ToUnixTimeMilliseconds(), attributes["date"]!.GetValue<long>());
    }

    [Fact]
    public void UnchangedRulesAreServedFromTheCacheWhenTheCompilationChanges()
    {
        var file = new InMemoryRulesFile("/rules/cached.rules", QnapRules);
        var driver = GeneratedPipelineCompiler.CreateDriver().AddAdditionalTexts([file]);
        var compilation = GeneratedPipelineCompiler.EmptyCompilation();
        driver = driver.RunGenerators(compilation, TestContext.Current.CancellationToken);
        Assert.All(OutputReasons(driver), r => Assert.Equal(IncrementalStepRunReason.New, r));

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", cancellationToken: TestContext.Current.CancellationToken)),
            TestContext.Current.CancellationToken);

        var reasons = OutputReasons(driver);
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"output step ran again: {r}"));
    }

    [Fact]
    public void AnEditedRulesFileIsGeneratedAgain()
    {
        var file = new InMemoryRulesFile("/rules/edited.rules", QnapRules);
        var driver = GeneratedPipelineCompiler.CreateDriver().AddAdditionalTexts([file]);
        var compilation = GeneratedPipelineCompiler.EmptyCompilation();
        driver = driver.RunGenerators(compilation, TestContext.Current.CancellationToken);

        driver = driver.ReplaceAdditionalText(file, new InMemoryRulesFile("/rules/edited.rules", QnapRules.Replace("QNAP NAS", "QNAP storage")));
        driver = driver.RunGenerators(compilation, TestContext.Current.CancellationToken);

        Assert.Contains(IncrementalStepRunReason.Modified, OutputReasons(driver));
        var pipeline = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName == "edited.QnapPipeline.g.cs");
        Assert.Contains("\"QNAP storage\"", pipeline.SourceText.ToString(), StringComparison.Ordinal);
    }

    private static List<IncrementalStepRunReason> OutputReasons(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedOutputSteps
            .SelectMany(step => step.Value)
            .SelectMany(run => run.Outputs)
            .Select(output => output.Reason)
            .ToList();
}
