using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace GrokFlow.Benchmarks.Support;

/// <summary>
/// Few iterations (the machine is shared: a benchmark must not hold the CPU for long), plus the lines/s column.
/// Pass <c>--job</c> on the command line for a longer, steadier run.
/// </summary>
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig()
    {
        AddJob(Job.ShortRun);
        AddColumn(new LinesPerSecondColumn());
    }
}
