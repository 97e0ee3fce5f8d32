using BenchmarkDotNet.Running;
using GrokFlow.Benchmarks.NetFlow;
using GrokFlow.Benchmarks.Qnap;

// Quick probes besides BenchmarkDotNet (which gets every other command line):
//   allocations [lines]        bytes allocated per line, per parser, layer and kind of line
//   cputime [lines] [rounds]   lines/s by wall and by CPU time, the parsers interleaved
//   netflow-cputime [seconds]  NetFlow decode CPU time per datagram, v5, v9 and IPFIX interleaved
return args switch
{
    ["allocations", ..] => AllocationProbe.Run(Console.Out, IntArgument(args, 1, 2_000)),
    ["cputime", ..] => CpuTimeProbe.Run(Console.Out, IntArgument(args, 1, 10_000), IntArgument(args, 2, 10)),
    ["netflow-cputime", ..] => NetFlowCpuTimeProbe.Run(Console.Out, IntArgument(args, 1, 20)),
    _ => RunBenchmarks(args),
};

static int IntArgument(string[] args, int index, int fallback) => args.Length > index ? int.Parse(args[index]) : fallback;

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(QnapParseBenchmarks).Assembly).Run(args);
    return 0;
}
