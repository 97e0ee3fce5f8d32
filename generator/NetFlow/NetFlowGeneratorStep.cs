using System.Collections.Immutable;
using GrokFlow.Language.Diagnostics;
using GrokFlow.Language.NetFlow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace GrokFlow.Generator.NetFlow;

/// <summary>Compiles the netflow blocks of every .rules file into layout classes, or reports GF01xx errors at the file.</summary>
internal static class NetFlowGeneratorStep
{
    public static void Register(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<(string Path, string Text)> files)
    {
        context.RegisterSourceOutput(files.Collect(), static (spc, all) => Execute(spc, all));
    }

    public static void Execute(SourceProductionContext spc, ImmutableArray<(string Path, string Text)> files)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var (blocks, syntaxErrors) = NetFlowBlockScanner.Scan(text);
            foreach (var error in syntaxErrors) Report(spc, path, text, error);
            foreach (var block in blocks)
            {
                var layout = NetFlowLayoutChecker.Check(block, out var diagnostics);
                foreach (var diagnostic in diagnostics) Report(spc, path, text, diagnostic);
                if (layout is null) continue;
                var className = NetFlowLayoutEmitter.ClassName(layout.Id);
                if (seen.TryGetValue(className, out var other))
                {
                    Report(spc, path, text, new RulesDiagnostic(NetFlowDiagnosticCodes.DuplicateLayout,
                        $"netflow layout '{layout.Id}' is already defined in {other}", block.Line, block.Column));
                    continue;
                }
                seen.Add(className, path);
                spc.AddSource($"NetFlow.{className}.g.cs", NetFlowLayoutEmitter.Emit(layout));
            }
        }
    }

    private static void Report(SourceProductionContext spc, string path, string text, RulesDiagnostic diagnostic)
    {
        var descriptor = new DiagnosticDescriptor(diagnostic.Code, "NetFlow layout error", "{0}", "GrokFlow.NetFlow",
            diagnostic.Severity == Language.Diagnostics.DiagnosticSeverity.Error ? RoslynSeverity.Error : RoslynSeverity.Warning, isEnabledByDefault: true);
        spc.ReportDiagnostic(Diagnostic.Create(descriptor, Locate(path, text, diagnostic.Line, diagnostic.Column), diagnostic.Message));
    }

    private static Location Locate(string path, string text, int line, int column)
    {
        var source = SourceText.From(text);
        var lineIndex = Math.Max(0, Math.Min(line - 1, source.Lines.Count - 1));
        var lineSpan = source.Lines[lineIndex].Span;
        var start = Math.Min(lineSpan.Start + Math.Max(0, column - 1), lineSpan.End);
        var position = new LinePosition(lineIndex, start - lineSpan.Start);
        return Location.Create(path, new TextSpan(start, lineSpan.End - start), new LinePositionSpan(position, new LinePosition(lineIndex, lineSpan.End - lineSpan.Start)));
    }
}
