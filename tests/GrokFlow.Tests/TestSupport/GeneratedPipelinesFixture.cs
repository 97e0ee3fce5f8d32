using System.Collections.Concurrent;
using GrokFlow.Tests.TestSupport;

[assembly: AssemblyFixture(typeof(GeneratedPipelinesFixture))]

namespace GrokFlow.Tests.TestSupport;

/// <summary>
/// Compiled pipelines shared by the whole test run: each distinct .rules text goes through Roslyn once (compiling takes
/// seconds), and every assembly is unloaded when the run ends.
/// </summary>
public sealed class GeneratedPipelinesFixture : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<LoadedPipelines>> _compiled = new(StringComparer.Ordinal);

    /// <summary>The pipelines of <paramref name="rulesText"/>, compiled on first use.</summary>
    public LoadedPipelines Compile(string rulesText) =>
        _compiled.GetOrAdd(rulesText, text => new Lazy<LoadedPipelines>(() => GeneratedPipelineCompiler.CompileAndLoad(text))).Value;

    public void Dispose()
    {
        foreach (var compiled in _compiled.Values)
        {
            if (compiled.IsValueCreated) compiled.Value.Dispose();
        }
    }
}
