using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace GrokFlow.Generator.NetFlow;

/// <summary>
/// Adds the NetFlow layout classes of every .rules file (compiled with the file by <see cref="RulesFileEmitter"/>);
/// a layout class defined by two files is a GF0112 error at the second (files in path order).
/// </summary>
internal static class NetFlowGeneratorStep
{
    public static void Execute(SourceProductionContext spc, ImmutableArray<GeneratedFile> files)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            foreach (var layout in file.Layouts)
            {
                if (seen.TryGetValue(layout.ClassName, out var other))
                {
                    spc.ReportDiagnostic(RulesGenerator.ToDiagnostic(layout.At with
                    {
                        Message = $"netflow layout '{layout.Id}' is already defined in {other}", IsError = true,
                    }));
                    continue;
                }
                seen.Add(layout.ClassName, file.Path);
                spc.AddSource($"NetFlow.{layout.ClassName}.g.cs", layout.Source);
            }
        }
    }
}
