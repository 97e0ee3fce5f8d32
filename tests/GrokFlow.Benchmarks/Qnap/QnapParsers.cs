using GrokFlow.Tests.TestSupport;
using GrokFlow.Benchmarks.Support;
using GrokFlow.Tooling.Interpretation;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Rules;

namespace GrokFlow.Benchmarks.Qnap;

/// <summary>The three QNAP parsers under comparison, all behind <see cref="IGrokPipeline"/>.</summary>
public static class QnapParsers
{
    /// <summary>The parser the generator compiled from rules/qnap.rules into GrokFlow.Rules.</summary>
    public static IGrokPipeline Generated() =>
        BuiltInPipelines.All.Single(p => p.Id == "qnap");

    /// <summary>The reference interpreter (.NET Regex) running rules/qnap.rules as read from disk.</summary>
    public static IGrokPipeline Interpreted()
    {
        var path = Path.Combine(RepositoryPaths.Root, "rules", "qnap.rules");
        var loaded = RulesInterpreter.Load(File.ReadAllText(path));
        if (loaded.HasErrors)
            throw new InvalidOperationException($"{path} does not compile: " + string.Join("; ", loaded.Diagnostics));
        return loaded.Pipelines.Single(p => p.Id == "qnap");
    }

    /// <summary>The hand-written [GeneratedRegex] baseline.</summary>
    public static IGrokPipeline HandWritten(TimeProvider clock) => new HandWrittenQnapParser(clock);

    /// <summary>All three, named as the benchmarks and reports name them.</summary>
    public static IReadOnlyList<(string Name, IGrokPipeline Pipeline)> All(TimeProvider clock) =>
    [
        ("generated", Generated()),
        ("interpreter", Interpreted()),
        ("hand-written regex", HandWritten(clock)),
    ];
}
