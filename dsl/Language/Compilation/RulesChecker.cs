using System.Collections.Immutable;
using GrokFlow.Language.Diagnostics;
using GrokFlow.Language.NetFlow;

namespace GrokFlow.Language.Compilation;

/// <summary>Every diagnostic of a .rules file, grok pipelines and NetFlow layouts alike, in file order.</summary>
public static class RulesChecker
{
    public static ImmutableArray<RulesDiagnostic> Check(string text)
    {
        var grok = RulesCompiler.Compile(text).Diagnostics;
        var (blocks, netFlowSyntax) = NetFlowBlockScanner.Scan(text);
        var netFlow = blocks.SelectMany(block =>
        {
            NetFlowLayoutChecker.Check(block, out var diagnostics);
            return diagnostics;
        });
        return grok.Concat(netFlowSyntax).Concat(netFlow)
            .Distinct()
            .OrderBy(d => d.Line).ThenBy(d => d.Column)
            .ToImmutableArray();
    }
}
