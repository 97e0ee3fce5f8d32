using System.Collections.Immutable;
using GrokFlow.Language.Compilation;
using GrokFlow.Engine.Processing;

namespace GrokFlow.Tooling.Interpretation;

/// <summary>Loads a .rules file into interpreted pipelines, the reference the generated parsers are held to.</summary>
public static class RulesInterpreter
{
    /// <summary>
    /// Compiles <paramref name="rulesText"/>. With any error diagnostic no pipeline is returned (as the generator builds
    /// nothing from a file with errors); otherwise one <see cref="InterpretedPipeline"/> per pipeline, in file order.
    /// </summary>
    public static InterpretedRules Load(string rulesText, TimeSpan? matchTimeout = null, ProcessingServices? services = null)
    {
        var compiled = RulesCompiler.Compile(rulesText);
        if (compiled.HasErrors) return new InterpretedRules([], compiled.Diagnostics);
        var pipelines = compiled.Pipelines.Select(p => InterpretedPipeline.Create(p, matchTimeout, services)).ToImmutableArray();
        return new InterpretedRules(pipelines, compiled.Diagnostics);
    }
}
