using GrokFlow.Tooling.Interpretation;
using GrokFlow.Engine.Processing;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Rules;

namespace GrokFlow.Runtime.Parsing;

/// <summary>Where pipelines come from: the ones compiled into grokflow, or a .rules file run by the interpreter.</summary>
public static class PipelineSource
{
    /// <summary>
    /// Returns the pipelines built with <paramref name="services"/> (defaults when null), or null after writing the
    /// rules file's diagnostics to <paramref name="errors"/>.
    /// </summary>
    public static IReadOnlyList<IGrokPipeline>? Load(FileInfo? rulesFile, TextWriter errors, ProcessingServices? services = null)
    {
        if (rulesFile is null) return services is null ? BuiltInPipelines.All : BuiltInPipelines.Create(services);
        if (!rulesFile.Exists)
        {
            errors.WriteLine($"grokflow: rules file not found: {rulesFile.FullName}");
            return null;
        }
        var loaded = RulesInterpreter.Load(File.ReadAllText(rulesFile.FullName), services: services);
        foreach (var diagnostic in loaded.Diagnostics)
            errors.WriteLine(diagnostic.Format(rulesFile.ToString()));
        return loaded.HasErrors ? null : loaded.Pipelines;
    }
}
