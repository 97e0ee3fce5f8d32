using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Net;
using System.Net.Sockets;

namespace GrokFlow.Runtime.Host.Bench;

/// <summary>What one TCP load run measured: lines sent over the connections and delivered to the intake, and how fast.</summary>
internal sealed record TcpLoadResult(long Sent, long Delivered, long Duplicates, int Mismatches, TimeSpan Elapsed, double HostCpuSeconds, long HostPeakResident)
{
    /// <summary>Every line delivered exactly once, as sent.</summary>
    public bool Exact => Lost == 0 && Duplicates == 0 && Mismatches == 0;

    public long Lost => Sent - Delivered;
    public double LinesPerSecond => Delivered / Elapsed.TotalSeconds;
    public double CpuMicrosecondsPerLine => Delivered == 0 ? double.NaN : HostCpuSeconds * 1e6 / Delivered;
}

/// <summary>
/// Drives the real host (child process) with QNAP lines over TCP: several connections send a fixed number of
/// framed lines as fast as the host reads them (TCP pushes back, so the rate is the host's), and the run ends when
/// the intake has them all or nothing moved for a while. Every line carries the next number of one sequence shared by
/// the connections (as <c>grokflow bench</c> does over UDP), so lost and duplicated lines are counted by number and a
/// sample is checked against what was sent. The final count is taken after the host stopped.
/// </summary>
internal sealed class TcpLoadRun(int connections, long lines, string framing, IReadOnlyList<string> hostSettings, TextWriter output)
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(15);
    private readonly SyslogLoad _load = new(20_000, 1);

    public TcpLoadResult Run()
    {
        using var intake = new BenchIntake(_load);
        using var scraper = new MetricsScraper();
        int netflowPort = FreePort(SocketType.Dgram, ProtocolType.Udp), tcpPort = FreePort(SocketType.Stream, ProtocolType.Tcp);
        var spool = Path.Combine(Path.GetTempPath(), $"grokflow-bench-tcp-{Environment.ProcessId}");
        using var host = new HostProcess(
        [
            "--Datadog:ApiKey=bench", $"--Datadog:Url=http://127.0.0.1:{intake.Port}/",
            "--Sources:0:Bind=127.0.0.1", $"--Sources:0:Port={netflowPort}",
            "--Sources:1:Bind=127.0.0.1", $"--Sources:1:Port={tcpPort}", "--Sources:1:Protocol=tcp",
            $"--Spool:Directory={spool}", "--Summary:Interval=00:00:05", scraper.HostSetting, .. hostSettings,
        ]);
        var stopped = false;
        try
        {
            WaitForHost(host);
            output.WriteLine($"grokflow bench tcp: {lines:N0} numbered QNAP lines ({framing} framing) over {connections} connections to 127.0.0.1:{tcpPort}; load average {LoadRun.LoadAverage()}");
            scraper.Take();
            var cpuBefore = host.CpuTime;
            var clock = Stopwatch.StartNew();
            var next = new StrongBox<long>(0);
            // Threads of their own: blocking senders on the thread pool starved the scraper's continuations (scrapes of 1.5 s).
            var sentBy = new long[connections];
            var senders = Enumerable.Range(0, connections)
                .Select(i => new Thread(() => sentBy[i] = Send(tcpPort, next)) { IsBackground = true, Name = $"bench tcp sender {i}" }).ToArray();
            foreach (var sender in senders) sender.Start();
            foreach (var sender in senders) sender.Join();
            var sent = sentBy.Sum();
            var last = intake.Events;
            var lastMove = Stopwatch.StartNew();
            while (intake.Distinct < sent && lastMove.Elapsed < Stall && !host.HasExited)
            {
                Thread.Sleep(20);
                if (intake.Events != last) { last = intake.Events; lastMove.Restart(); }
            }
            var elapsed = clock.Elapsed;
            var cpu = (host.CpuTime - cpuBefore).TotalSeconds;
            var scrape = scraper.Take();
            var peak = host.PeakResidentBytes;
            host.Stop();
            stopped = true;
            var result = new TcpLoadResult(sent, intake.Distinct, intake.Duplicates, intake.Mismatches.Count, elapsed, cpu, peak);
            output.WriteLine($"sent {result.Sent:N0}, delivered {result.Delivered:N0} different, lost {result.Lost:N0}, duplicates {result.Duplicates:N0} " +
                $"in {elapsed.TotalSeconds:0.00} s: {result.LinesPerSecond:N0} lines/s; host CPU {result.HostCpuSeconds:0.0} s ({result.CpuMicrosecondsPerLine:0.00} µs/line), " +
                $"peak RSS {result.HostPeakResident / (1024 * 1024)} MiB; /metrics scrape median {scrape.Median:0.00} ms (max {scrape.Max:0.00}, {scrape.Count} scrapes); content checked on {intake.Checked:N0} lines, {intake.Mismatches.Count} mismatches; load average {LoadRun.LoadAverage()}");
            foreach (var mismatch in intake.Mismatches) output.WriteLine("  mismatch: " + mismatch);
            return result;
        }
        finally
        {
            var exited = host.HasExited && !stopped;
            if (!stopped) host.Stop();
            foreach (var line in host.Log.Where(l => exited || l.Contains("dropped:") || l.Contains("fail:") || l.Contains("crit:")).TakeLast(exited ? 30 : 3))
                output.WriteLine("  host: " + line);
            if (Directory.Exists(spool)) Directory.Delete(spool, recursive: true);
        }
    }

    /// <summary>
    /// Sends chunks of about 64 KiB of whole framed lines until <see cref="lines"/> numbers are taken; each chunk takes
    /// the next numbers of the shared sequence and stamps them into copies of the template lines.
    /// </summary>
    private long Send(int port, StrongBox<long> next)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(IPAddress.Loopback, port);
        var chunk = new byte[80 * 1024];
        long sent = 0;
        while (true)
        {
            var first = Interlocked.Add(ref next.Value, ChunkLines) - ChunkLines;
            if (first >= lines) break;
            var count = (int)Math.Min(ChunkLines, lines - first);
            var length = 0;
            for (var i = 0; i < count; i++)
            {
                var sequence = first + i;
                var template = _load.TemplateFor(sequence);
                if (length + template.Length + 16 > chunk.Length) Array.Resize(ref chunk, chunk.Length * 2);
                if (framing == "octet")
                {
                    template.Length.TryFormat(chunk.AsSpan(length), out var digits, default, System.Globalization.CultureInfo.InvariantCulture);
                    length += digits;
                    chunk[length++] = (byte)' ';
                }
                var line = chunk.AsSpan(length, template.Length);
                template.CopyTo(line);
                _load.Stamp(line, sequence, 0);
                length += template.Length;
                if (framing != "octet") chunk[length++] = (byte)'\n';
            }
            socket.Send(chunk.AsSpan(0, length));
            sent += count;
        }
        socket.Shutdown(SocketShutdown.Send);
        return sent;
    }

    private const int ChunkLines = 128;

    private static void WaitForHost(HostProcess host)
    {
        var clock = Stopwatch.StartNew();
        while (!host.Log.Any(l => l.Contains("Source qnap:")))
        {
            if (host.HasExited || clock.Elapsed > TimeSpan.FromSeconds(60))
                throw new InvalidOperationException("the host did not open its source: " + string.Join(Environment.NewLine, host.Log));
            Thread.Sleep(50);
        }
    }

    private static int FreePort(SocketType type, ProtocolType protocol)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, type, protocol);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
