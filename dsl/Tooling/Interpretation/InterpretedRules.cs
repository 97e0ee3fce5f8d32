using System.Collections.Immutable;
using GrokFlow.Language.Diagnostics;

namespace GrokFlow.Tooling.Interpretation;

/// <summary>A .rules file loaded for interpretation: its pipelines when it compiles, and every diagnostic.</summary>
public sealed record InterpretedRules(ImmutableArray<InterpretedPipeline> Pipelines, ImmutableArray<RulesDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
