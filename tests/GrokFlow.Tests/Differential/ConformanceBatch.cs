using GrokFlow.Language.Compilation;
using GrokFlow.Language.Diagnostics;
using GrokFlow.Tooling.Interpretation;
using GrokFlow.Tests.Conformance;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Differential;

/// <summary>
/// Every grok conformance vector with an input whose rules compile and generate, as one pipeline (<c>v0</c>, <c>v1</c>...)
/// of a single .rules text, so that they all share one Roslyn compilation; and why the others were left out.
/// </summary>
public sealed class ConformanceBatch
{
    public ConformanceBatch()
    {
        var builder = new RulesFileBuilder();
        var vectors = new List<(string, GrokCase)>();
        var leftOut = new List<(string, string)>();
        foreach (var vector in GrokCaseCorpus.All.Where(c => c.Input is not null))
        {
            if (WhyLeftOut(vector) is { } reason)
            {
                leftOut.Add((vector.Name, reason));
                continue;
            }
            var id = $"v{vectors.Count}";
            builder.Pipeline(id, vector.RulePatterns, vector.Helpers);
            vectors.Add((id, vector));
        }
        RulesText = builder.ToString();
        Vectors = vectors;
        LeftOut = leftOut;
    }

    public string RulesText { get; }

    public IReadOnlyList<(string Id, GrokCase Case)> Vectors { get; }

    public IReadOnlyList<(string Name, string Reason)> LeftOut { get; }

    /// <summary>Each vector's generated parser paired with its interpreter.</summary>
    public IReadOnlyDictionary<string, PipelinePair> Pair(GeneratedPipelinesFixture compiled)
    {
        var generated = compiled.Compile(RulesText);
        var interpreted = RulesInterpreter.Load(RulesText, DifferentialSettings.InterpreterTimeout);
        Assert.False(interpreted.HasErrors, string.Join("\n", interpreted.Diagnostics.Select(d => d.Format("vectors.rules"))));
        return interpreted.Pipelines.ToDictionary(p => p.Id, p => new PipelinePair(generated[p.Id], p, DifferentialSettings.Clock));
    }

    private static string? WhyLeftOut(GrokCase vector)
    {
        if (vector.AllPatterns.Any(p => p.Contains('\n') || p.Contains('\r')))
            return "a rule holds a raw newline";
        var single = new RulesFileBuilder().Pipeline("single", vector.RulePatterns, vector.Helpers).ToString();
        var error = RulesCompiler.Compile(single).Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (error is not null)
            return $"{error.Code} {ShortReason(error.Message)}";
        var generated = GeneratedPipelineCompiler.Generate(single);
        return generated.Diagnostics.IsEmpty ? null : $"the generator reports {generated.Diagnostics[0].Id} {generated.Diagnostics[0].GetMessage()}";
    }

    /// <summary>The message up to its first colon: enough to group the vectors left out for the same reason.</summary>
    private static string ShortReason(string message)
    {
        var colon = message.IndexOf(':');
        return colon > 0 ? message[..colon] : message;
    }
}
