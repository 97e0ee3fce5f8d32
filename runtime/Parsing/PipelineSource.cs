using GrokFlow.Dsl.Runtime;
using GrokFlow.Rules;

namespace GrokFlow.Runtime.Parsing;

/// <summary>Where pipelines come from: the ones compiled into grokflow, or a .rules file run by the interpreter.</summary>
public static class PipelineSource
{
    /// <summary>Returns the pipelines, or null after writing the rules file's diagnostics to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<IGrokPipeline>? Load(FileInfo? rulesFile, TextWriter errors)
    {
        if (rulesFile is null) return BuiltInPipelines.All;
        errors.WriteLine("grokflow: --rules needs the interpreter, which is not available yet");
        return null;
    }
}
