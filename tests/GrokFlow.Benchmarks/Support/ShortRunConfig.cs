using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace GrokFlow.Benchmarks.Support;

/// <summary>
/// A short job plus the lines/s column. The machine is shared: a benchmark must not hold the CPU for long, yet under
/// load a handful of iterations is too noisy, so: one launch, 5 warm-up and 10 measured iterations (each a pass over
/// the whole corpus). Add <c>--inProcess</c> to skip building the separate benchmark project (faster to start, but
/// the three parsers then share one process and its JIT profile).
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(10).WithId("Short"));
        AddColumn(new LinesPerSecondColumn());
        // Building the separate benchmark project (generator included) takes minutes on a loaded machine.
        WithBuildTimeout(TimeSpan.FromMinutes(10));
    }
}
