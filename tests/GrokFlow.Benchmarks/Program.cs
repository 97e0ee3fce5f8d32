using BenchmarkDotNet.Running;
using GrokFlow.Benchmarks.Qnap;

// `allocations [lines]`: the quick per-layer allocation experiment; anything else goes to BenchmarkDotNet.
if (args is ["allocations", ..])
    return AllocationProbe.Run(Console.Out, args.Length > 1 ? int.Parse(args[1]) : 2_000);

BenchmarkSwitcher.FromAssembly(typeof(QnapParseBenchmarks).Assembly).Run(args);
return 0;
