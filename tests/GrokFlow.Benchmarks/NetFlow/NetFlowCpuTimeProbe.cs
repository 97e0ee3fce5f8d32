using System.Diagnostics;
using System.Net;
using GrokFlow.Runtime.NetFlow;

namespace GrokFlow.Benchmarks.NetFlow;

/// <summary>
/// The decoder benchmark's work (warm templates, every flow written as JSON into a counting sink) timed by process
/// CPU time in short batches, the three captures taking turns, so that a shared machine's load hits all alike. The
/// fastest batches are the least disturbed: the 10th percentile is the figure to compare, the median shows the noise.
/// A cross-check of the BenchmarkDotNet wall-clock figures, which a loaded machine inflates.
/// </summary>
public static class NetFlowCpuTimeProbe
{
    public static int Run(TextWriter report, double seconds)
    {
        var runs = new[]
        {
            new CaptureRun("v5", NetFlowDecodeBenchmarks.Read("v5", NetFlowDecodeBenchmarks.V5Datagrams)),
            new CaptureRun("v9", NetFlowDecodeBenchmarks.Read("v9", NetFlowDecodeBenchmarks.V9Datagrams)),
            new CaptureRun("ipfix", NetFlowDecodeBenchmarks.Read("ipfix", NetFlowDecodeBenchmarks.IpfixDatagrams)),
        };
        // Warm-up: enough rounds for tiered compilation to reach its optimized code.
        foreach (var run in runs) run.Batch(3_000, measure: false);
        var wall = Stopwatch.StartNew();
        while (wall.Elapsed.TotalSeconds < seconds)
            foreach (var run in runs) run.Batch(40, measure: true);

        report.WriteLine($"NetFlow decode, CPU time per datagram in batches of 40 rounds, captures interleaved for {seconds:0} s");
        report.WriteLine($"{"capture",-8} {"flows/datagram",15} {"p10 us",8} {"median us",10} {"flows/CPU-s (p10)",18} {"B/datagram",11} {"batches",8}");
        foreach (var run in runs)
        {
            var sorted = run.Samples.Order().ToArray();
            var p10 = sorted[sorted.Length / 10];
            report.WriteLine($"{run.Name,-8} {run.FlowsPerDatagram,15:F1} {p10,8:F2} {sorted[sorted.Length / 2],10:F2} {run.FlowsPerDatagram / p10,17:F2}M " +
                             $"{run.AllocatedPerDatagram,11:F1} {sorted.Length,8}");
        }
        return 0;
    }

    private sealed class CaptureRun(string name, byte[][] datagrams)
    {
        private static readonly IPEndPoint Exporter = new(IPAddress.Loopback, 9995);
        private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_300);
        private readonly NetFlowCollector _collector = new();
        private readonly NetFlowDecodeBenchmarks.CountingSink _sink = new();
        private long _datagrams, _flows, _allocated;

        public string Name => name;
        public List<double> Samples { get; } = [];
        public double FlowsPerDatagram => (double)_flows / _datagrams;
        public double AllocatedPerDatagram => (double)_allocated / _datagrams;

        public void Batch(int rounds, bool measure)
        {
            var process = Process.GetCurrentProcess();
            var flows = _collector.Counters.Flows;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpu = process.TotalProcessorTime;
            for (var r = 0; r < rounds; r++)
                foreach (var datagram in datagrams) _collector.Decode(datagram, Exporter, Now, _sink);
            process.Refresh();
            var elapsed = process.TotalProcessorTime - cpu;
            if (!measure) return;
            _allocated += GC.GetAllocatedBytesForCurrentThread() - allocated;
            _flows += _collector.Counters.Flows - flows;
            _datagrams += rounds * datagrams.Length;
            Samples.Add(elapsed.TotalMicroseconds / (rounds * datagrams.Length));
        }
    }
}
