extern alias GeneratorAssembly;
using System.Collections.Immutable;
using System.Reflection;
using GrokFlow.Engine.NetFlow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace GrokFlow.Tests.NetFlow;

/// <summary>Drives the generator over .rules text: layouts compile into working decoders, errors land at the .rules file.</summary>
public sealed class NetFlowGeneratorTests
{
    private sealed class RulesText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private static (Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(string rules)
    {
        var references = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.Location.Length > 0 && a.GetName().Name != "GrokFlow.Generator")
            .Select(a => MetadataReference.CreateFromFile(a.Location))
            .Append(MetadataReference.CreateFromFile(typeof(INetFlowLayout).Assembly.Location));
        var compilation = CSharpCompilation.Create("Generated", [], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false));
        var driver = CSharpGeneratorDriver.Create([new GeneratorAssembly::GrokFlow.Generator.RulesGenerator().AsSourceGenerator()],
            [new RulesText("/rules/vendor.rules", rules)], new CSharpParseOptions(LanguageVersion.Latest));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (output, diagnostics);
    }

    [Fact]
    public void VendorLayoutCompilesIntoADecoder()
    {
        var (output, diagnostics) = Run("netflow acme \"Acme\" {\n  element 9/12232 string app_name fluent\n  element 4 unsigned8 protocol\n}\n");
        Assert.Empty(diagnostics);
        using var stream = new MemoryStream();
        var emit = output.Emit(stream, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));

        var assembly = Assembly.Load(stream.ToArray());
        var layout = (INetFlowLayout)assembly.GetType("GrokFlow.Rules.NetFlow.AcmeNetFlowLayout")!.GetProperty("Instance")!.GetValue(null)!;
        Assert.True(layout.TryGetElement(9, 12232, out var element));
        Assert.False(layout.TryGetElement(0, 12232, out _));
        Assert.False(layout.HasV5);
        var writer = new FlowJsonWriter();
        element.Write(writer, "web\0\0"u8, default);
        Assert.Equal(",\"app_name\":\"web\"", System.Text.Encoding.UTF8.GetString(writer.Written));
    }

    [Fact]
    public void TheGeneratedRegistryFindsLayoutsById()
    {
        var (output, diagnostics) = Run("netflow acme \"Acme\" {\n  element 4 unsigned8 protocol\n}\nnetflow zeta {\n  element 7 unsigned16 port\n}\n");
        Assert.Empty(diagnostics);
        using var stream = new MemoryStream();
        Assert.True(output.Emit(stream, cancellationToken: TestContext.Current.CancellationToken).Success);

        var registry = Assembly.Load(stream.ToArray()).GetType("GrokFlow.Rules.BuiltInNetFlowLayouts")!;
        var all = (IReadOnlyList<INetFlowLayout>)registry.GetProperty("All")!.GetValue(null)!;
        Assert.Equal(["acme", "zeta"], all.Select(l => l.Id));
        var find = registry.GetMethod("Find")!;
        Assert.Same(all[1], find.Invoke(null, ["zeta"]));
        Assert.Null(find.Invoke(null, ["nope"]));
    }

    [Fact]
    public void TheHostsDefaultLayoutComesFromTheRegistry()
    {
        var layout = GrokFlow.Rules.BuiltInNetFlowLayouts.Find(GrokFlow.Runtime.NetFlow.NetFlowCollector.DefaultLayoutId);
        Assert.NotNull(layout);
        Assert.True(layout.HasV5);
        Assert.Contains(layout, GrokFlow.Rules.BuiltInNetFlowLayouts.All);
    }

    [Fact]
    public void LayoutErrorsAreReportedAtTheRulesFile()
    {
        var (_, diagnostics) = Run("netflow acme {\n  element 7 unsigned99 port\n}\n");
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("GF0104", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(("/rules/vendor.rules", 1, 12), (span.Path, span.StartLinePosition.Line, span.StartLinePosition.Character));
    }
}
