extern alias GeneratorAssembly;
using System.Collections.Immutable;
using System.Runtime.Loader;
using System.Text.Json;
using GrokFlow.Engine.Pipelines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GrokFlow.Tests.TestSupport;

/// <summary>What one generator run over a .rules text produced: the compilation with the generated sources added.</summary>
public sealed record GeneratorRun(
    GeneratorDriver Driver,
    Compilation Input,
    Compilation Output,
    ImmutableArray<Diagnostic> Diagnostics,
    GeneratorDriverRunResult Result);

/// <summary>
/// The build, done at test time: .rules text through the real generator, the generated C# compiled in memory and loaded
/// into a collectible <see cref="AssemblyLoadContext"/>, its pipeline classes instantiated.
/// </summary>
public static class GeneratedPipelineCompiler
{
    public const string DefaultPath = "/rules/test.rules";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>Runs the generator over <paramref name="rulesText"/>, given as the AdditionalFile <paramref name="path"/>.</summary>
    public static GeneratorRun Generate(string rulesText, string path = DefaultPath)
    {
        var input = EmptyCompilation();
        var driver = CreateDriver().AddAdditionalTexts([new InMemoryRulesFile(path, rulesText)]);
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        return new GeneratorRun(driver, input, output, diagnostics, driver.GetRunResult());
    }

    /// <summary>A driver over the rules generator that records why each step ran (for caching checks).</summary>
    public static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new GeneratorAssembly::GrokFlow.Generator.RulesGenerator().AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>A library compilation with no sources, referencing what the test process has loaded.</summary>
    public static CSharpCompilation EmptyCompilation() => CSharpCompilation.Create(
        "GrokFlow.Generated" + Guid.NewGuid().ToString("N"),
        [],
        References.Value,
        new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            // xunit already runs a test per core; a parallel compile would only queue work ahead of the in-process hosts'.
            concurrentBuild: false,
            nullableContextOptions: NullableContextOptions.Enable,
            // As Directory.Build.props: generated classes are [SkipLocalsInit].
            allowUnsafe: true,
            // As the SDK does: the dsl targets net8.0, so its references unify with the test process's newer ones.
            specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));

    /// <summary>Generates, compiles and loads <paramref name="rulesText"/>; throws on any diagnostic, compile error or warning.</summary>
    public static LoadedPipelines CompileAndLoad(string rulesText, bool allowGeneratorWarnings = false)
    {
        var run = Generate(rulesText);
        if (run.Diagnostics.Any(d => !allowGeneratorWarnings || d.Severity == DiagnosticSeverity.Error))
            throw new InvalidOperationException("the generator reported:\n" + string.Join("\n", run.Diagnostics));
        using var image = new MemoryStream();
        var emit = run.Output.Emit(image);
        var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (!emit.Success || problems.Count > 0)
            throw new InvalidOperationException("the generated code does not compile cleanly (the build treats warnings as errors):\n" +
                string.Join("\n", problems.Take(20)));
        image.Position = 0;
        var context = new AssemblyLoadContext("grokflow-generated", isCollectible: true);
        var assembly = context.LoadFromStream(image);
        var pipelines = assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IGrokPipeline).IsAssignableFrom(t))
            .Select(t => (IGrokPipeline)Activator.CreateInstance(t)!)
            .ToDictionary(p => p.Id, StringComparer.Ordinal);
        return new LoadedPipelines(context, pipelines);
    }

    // The generator assembly carries its own copy of the dsl types, and GrokFlow.Rules its own generated pipelines:
    // referencing either would make the names in the generated code ambiguous.
    private static readonly string[] Excluded = ["GrokFlow.Generator", "GrokFlow.Rules"];

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        // Make sure what generated code uses is loaded before the domain is listed.
        _ = new[] { typeof(IGrokPipeline), typeof(JsonSerializer), typeof(System.Buffers.SearchValues), typeof(Span<>) };
        return AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.Location.Length > 0 && !Excluded.Contains(a.GetName().Name))
            .GroupBy(a => a.GetName().Name)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First().Location))
            .ToImmutableArray();
    });
}

/// <summary>The pipelines of one compiled .rules text, by id; disposing unloads their assembly.</summary>
public sealed class LoadedPipelines(AssemblyLoadContext context, IReadOnlyDictionary<string, IGrokPipeline> byId) : IDisposable
{
    public IReadOnlyDictionary<string, IGrokPipeline> ById { get; } = byId;

    public IGrokPipeline this[string id] => ById[id];

    public void Dispose() => context.Unload();
}
