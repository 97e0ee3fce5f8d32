using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GrokFlow.Runtime.Host.Bench;

/// <summary>What the load command measures: one step per rate, against the real host in a child process.</summary>
internal sealed record LoadStep(double Rate, long Sent, long Received, TimeSpan Duration, double HostCpuPercent, long HostPeakResident, long KernelDrops)
{
    public long Lost => Sent - Received;
}

/// <summary>
/// Drives the real host with syslog lines or NetFlow v9 flows on loopback at fixed rates into a local intake, and
/// finds the highest rate delivered with zero loss.
/// </summary>
internal sealed class LoadRun(string mode, int linesPerDatagram, TimeSpan stepDuration, IReadOnlyList<string> hostSettings, TextWriter output)
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(10);

    public IReadOnlyList<LoadStep> Run(IReadOnlyList<double> rates)
    {
        using var intake = new BenchIntake();
        int netflowPort = FreeUdpPort(), syslogPort = FreeUdpPort();
        var spool = Path.Combine(Path.GetTempPath(), $"grokflow-bench-{Environment.ProcessId}");
        using var host = new HostProcess(
        [
            "--Datadog:ApiKey=bench", $"--Datadog:Url=http://127.0.0.1:{intake.Port}/",
            "--Sources:0:Bind=127.0.0.1", $"--Sources:0:Port={netflowPort}",
            "--Sources:1:Bind=127.0.0.1", $"--Sources:1:Port={syslogPort}",
            $"--Spool:Directory={spool}", "--Summary:Interval=00:00:05", .. hostSettings,
        ]);
        var netflow = mode == "netflow";
        var target = new IPEndPoint(IPAddress.Loopback, netflow ? netflowPort : syslogPort);
        var eventsPerDatagram = netflow ? NetFlowV9Load.FlowsPerDatagram : linesPerDatagram;
        var datagrams = netflow ? NetFlowV9Load.Datagrams(2000) : SyslogLoad.Datagrams(20_000, linesPerDatagram);
        try
        {
            WaitForHost(host, netflow ? "Source netflow:" : "Source qnap:");
            output.WriteLine($"grokflow bench: {mode}, {eventsPerDatagram} {(netflow ? "flows" : "lines")} per datagram, {stepDuration.TotalSeconds:0} s per step; host pid started, intake on 127.0.0.1:{intake.Port}");
            Step(host, intake, target, datagrams, eventsPerDatagram, 10_000, TimeSpan.FromSeconds(2), report: false);
            var steps = new List<LoadStep>();
            output.WriteLine("  rate/s  achieved       sent   received     lost  kernel drops  host CPU  host peak RSS   (events; kernel drops in datagrams)");
            foreach (var rate in rates)
            {
                var step = Step(host, intake, target, datagrams, eventsPerDatagram, rate, stepDuration, report: true);
                steps.Add(step);
                if (host.HasExited) break;
            }
            var best = steps.Where(s => s.Lost == 0).Select(s => s.Rate).DefaultIfEmpty(0).Max();
            output.WriteLine($"highest rate with zero loss: {best:N0} {(netflow ? "flows" : "lines")}/s; host peak RSS {host.PeakResidentBytes / (1024 * 1024)} MiB");
            return steps;
        }
        finally
        {
            var exited = host.HasExited;
            host.Stop();
            if (exited) output.WriteLine("the host exited during the run; its last log lines:");
            foreach (var line in host.Log.Where(l => exited || l.Contains("dropped:") || l.Contains("fail:") || l.Contains("crit:")).TakeLast(exited ? 30 : 3))
                output.WriteLine("  host: " + line);
            if (Directory.Exists(spool)) Directory.Delete(spool, recursive: true);
        }
    }

    private LoadStep Step(HostProcess host, BenchIntake intake, IPEndPoint target, IReadOnlyList<byte[]> datagrams, int eventsPerDatagram,
        double eventRate, TimeSpan duration, bool report)
    {
        var before = intake.Events;
        var kernelBefore = UdpReceiveBufferErrors();
        var cpuBefore = host.CpuTime;
        var clock = Stopwatch.StartNew();
        var sent = RateSender.Send(target, datagrams, eventRate / eventsPerDatagram, duration) * eventsPerDatagram;
        var sendTime = clock.Elapsed;
        // Drain: wait until everything arrived or nothing moved for a while (longer than the flush interval).
        var last = intake.Events;
        var lastMove = Stopwatch.StartNew();
        while (intake.Events - before < sent && lastMove.Elapsed < Stall && !host.HasExited)
        {
            Thread.Sleep(100);
            if (intake.Events != last) { last = intake.Events; lastMove.Restart(); }
        }
        var cpu = (host.CpuTime - cpuBefore).TotalSeconds / clock.Elapsed.TotalSeconds * 100;
        var step = new LoadStep(eventRate, sent, intake.Events - before, sendTime, cpu, host.PeakResidentBytes, UdpReceiveBufferErrors() - kernelBefore);
        if (report)
            output.WriteLine($"{eventRate,8:N0} {sent / sendTime.TotalSeconds,9:N0} {step.Sent,10:N0} {step.Received,10:N0} {step.Lost,8:N0} {step.KernelDrops,12:N0} {cpu,8:0}% {step.HostPeakResident / (1024 * 1024),10} MiB");
        return step;
    }

    private static void WaitForHost(HostProcess host, string readyLine)
    {
        var clock = Stopwatch.StartNew();
        while (!host.Log.Any(l => l.Contains(readyLine)))
        {
            if (host.HasExited || clock.Elapsed > TimeSpan.FromSeconds(60))
                throw new InvalidOperationException("the host did not open its source: " + string.Join(Environment.NewLine, host.Log));
            Thread.Sleep(50);
        }
    }

    /// <summary>Datagrams the kernel dropped because a UDP receive buffer was full (all sockets), from /proc/net/snmp.</summary>
    private static long UdpReceiveBufferErrors()
    {
        try
        {
            var udp = File.ReadLines("/proc/net/snmp").Where(l => l.StartsWith("Udp:", StringComparison.Ordinal)).ToArray();
            var names = udp[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var values = udp[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return long.Parse(values[Array.IndexOf(names, "RcvbufErrors")]);
        }
        catch (Exception e) when (e is IOException or IndexOutOfRangeException or FormatException)
        {
            return 0;
        }
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
