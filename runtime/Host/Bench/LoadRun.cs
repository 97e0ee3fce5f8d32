using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GrokFlow.Runtime.Host.Bench;

/// <summary>What the load command measures for one rate, against the real host in a child process.</summary>
internal sealed record LoadStep(double Rate, long Sent, long Received, long Duplicates, TimeSpan Duration, TimeSpan HostCpu, long HostPeakResident, long KernelDrops, long CompressedBytes,
    double ScrapeMilliseconds)
{
    public long Lost => Sent - Received;
    public double CpuMicrosecondsPerEvent => Received == 0 ? double.NaN : HostCpu.TotalMicroseconds / Received;
}

/// <summary>How the sender is shaped: threads, and sockets (distinct senders / exporters) per thread.</summary>
internal sealed record SenderShape(int Threads, int SocketsPerThread);

/// <summary>
/// Drives the real host with syslog lines or NetFlow v9 flows on loopback at fixed rates into a local intake, counts
/// every event by its sequence number, and finds the highest rate delivered with zero loss. The final count is taken
/// after the host has stopped, so a late duplicate is seen.
/// </summary>
internal sealed class LoadRun(string mode, int linesPerDatagram, TimeSpan stepDuration, SenderShape shape, IReadOnlyList<string> hostSettings, TextWriter output)
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(10);

    public IReadOnlyList<LoadStep> Run(IReadOnlyList<double> rates)
    {
        var netflow = mode == "netflow";
        BenchLoad load = netflow ? new NetFlowV9Load(2000) : new SyslogLoad(20_000, linesPerDatagram);
        using var intake = new BenchIntake(load);
        using var scraper = new MetricsScraper();
        int netflowPort = FreeUdpPort(), syslogPort = FreeUdpPort();
        var spool = Path.Combine(Path.GetTempPath(), $"grokflow-bench-{Environment.ProcessId}");
        using var host = new HostProcess(
        [
            "--Datadog:ApiKey=bench", $"--Datadog:Url=http://127.0.0.1:{intake.Port}/",
            "--Sources:0:Bind=127.0.0.1", $"--Sources:0:Port={netflowPort}",
            "--Sources:1:Bind=127.0.0.1", $"--Sources:1:Port={syslogPort}",
            $"--Spool:Directory={spool}", "--Summary:Interval=00:00:05", scraper.HostSetting, .. hostSettings,
        ]);
        var target = new IPEndPoint(IPAddress.Loopback, netflow ? netflowPort : syslogPort);
        var sender = new LoadSender(target, load, shape.Threads, shape.SocketsPerThread);
        var steps = new List<LoadStep>();
        var stopped = false;
        try
        {
            var ready = WaitForHost(host, netflow ? "Source netflow:" : "Source qnap:");
            output.WriteLine($"grokflow bench: {mode}, {load.EventsPerDatagram} {load.Unit} per datagram, {stepDuration.TotalSeconds:0} s per step, " +
                $"sender {shape.Threads} threads x {shape.SocketsPerThread} sockets (sendmmsg bursts); load average {LoadAverage()}");
            output.WriteLine("  host: " + ready[(ready.IndexOf("Source ", StringComparison.Ordinal))..]);
            Step(host, intake, scraper, sender, 10_000, TimeSpan.FromSeconds(2));   // warm-up, not reported
            output.WriteLine($"  rate/s  achieved       sent   received     lost  dup  kernel drops  host CPU  µs/{load.Unit[..^1]}  B/{load.Unit[..^1]} gz  host peak RSS  /metrics ms");
            foreach (var rate in rates)
            {
                var step = Step(host, intake, scraper, sender, rate, stepDuration);
                steps.Add(step);
                output.WriteLine($"{rate,8:N0} {step.Sent / step.Duration.TotalSeconds,9:N0} {step.Sent,10:N0} {step.Received,10:N0} {step.Lost,8:N0} {step.Duplicates,4:N0} " +
                    $"{step.KernelDrops,13:N0} {step.HostCpu.TotalSeconds / step.Duration.TotalSeconds * 100,8:0}% {step.CpuMicrosecondsPerEvent,8:0.00} " +
                    $"{(step.Received == 0 ? 0 : (double)step.CompressedBytes / step.Received),9:0.0} {step.HostPeakResident / (1024 * 1024),10} MiB {step.ScrapeMilliseconds,12:0.00}");
                if (host.HasExited) break;
            }
            var peak = host.PeakResidentBytes;
            var exited = host.HasExited;
            host.Stop();
            stopped = true;
            // The rate actually achieved, not the one asked for: a starved sender must not pass for a fast host.
            var best = steps.Where(s => s.Lost == 0 && s.Duplicates == 0).Select(s => Math.Min(s.Rate, s.Sent / s.Duration.TotalSeconds)).DefaultIfEmpty(0).Max();
            output.WriteLine($"after stopping the host: sent {sender.Sent:N0}, received {intake.Distinct:N0} different, lost {sender.Sent - intake.Distinct:N0}, " +
                $"duplicates {intake.Duplicates:N0}; content checked on {intake.Checked:N0} events, {intake.Mismatches.Count} mismatches");
            foreach (var mismatch in intake.Mismatches) output.WriteLine("  mismatch: " + mismatch);
            output.WriteLine($"highest rate achieved with zero loss: {best:N0} {load.Unit}/s; host peak RSS {peak / (1024 * 1024)} MiB; load average {LoadAverage()}");
            if (exited) Tail(host, 30);
            return steps;
        }
        finally
        {
            if (!stopped) host.Stop();
            Tail(host, 3);
            if (Directory.Exists(spool)) Directory.Delete(spool, recursive: true);
        }
    }

    private void Tail(HostProcess host, int lines)
    {
        foreach (var line in host.Log.Where(l => l.Contains("dropped") || l.Contains("fail:") || l.Contains("crit:")).TakeLast(lines))
            output.WriteLine("  host: " + line);
    }

    private static LoadStep Step(HostProcess host, BenchIntake intake, MetricsScraper scraper, LoadSender sender, double eventRate, TimeSpan duration)
    {
        scraper.Take();
        var (before, duplicatesBefore, bytesBefore) = (intake.Distinct, intake.Duplicates, intake.CompressedBytes);
        var kernelBefore = UdpReceiveBufferErrors();
        var cpuBefore = host.CpuTime;
        var clock = Stopwatch.StartNew();
        var sent = sender.Send(eventRate, duration);
        var sendTime = clock.Elapsed;
        var scrape = scraper.Take().Median;   // scrapes while the load was offered
        // Drain: wait until everything arrived or nothing moved for a while (longer than the flush interval).
        var last = intake.Events;
        var lastMove = Stopwatch.StartNew();
        while (intake.Distinct - before < sent && lastMove.Elapsed < Stall && !host.HasExited)
        {
            Thread.Sleep(50);
            if (intake.Events != last) { last = intake.Events; lastMove.Restart(); }
        }
        return new LoadStep(eventRate, sent, intake.Distinct - before, intake.Duplicates - duplicatesBefore, sendTime, host.CpuTime - cpuBefore,
            host.PeakResidentBytes, UdpReceiveBufferErrors() - kernelBefore, intake.CompressedBytes - bytesBefore, scrape);
    }

    private static string WaitForHost(HostProcess host, string readyLine)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var line = host.Log.FirstOrDefault(l => l.Contains(readyLine));
            if (line is not null) return line;
            if (host.HasExited || clock.Elapsed > TimeSpan.FromSeconds(60))
                throw new InvalidOperationException("the host did not open its source: " + string.Join(Environment.NewLine, host.Log));
            Thread.Sleep(50);
        }
    }

    internal static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
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
