using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GrokFlow.Runtime.Host.Bench;

/// <summary>What one TCP load run measured: lines sent over the connections and delivered to the intake, and how fast.</summary>
internal sealed record TcpLoadResult(long Sent, long Delivered, TimeSpan Elapsed, double HostCpuSeconds, long HostPeakResident)
{
    public long Lost => Sent - Delivered;
    public double LinesPerSecond => Delivered / Elapsed.TotalSeconds;
}

/// <summary>
/// Drives the real host (child process) with QNAP lines over TCP: several connections send a fixed number of
/// LF-framed lines as fast as the host reads them (TCP pushes back, so the rate is the host's), and the run ends when
/// the intake has them all or nothing moved for a while. Reports lines per second end to end and any loss.
/// </summary>
internal sealed class TcpLoadRun(int connections, long lines, string framing, IReadOnlyList<string> hostSettings, TextWriter output)
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(15);

    public TcpLoadResult Run()
    {
        using var intake = new BenchIntake();
        int netflowPort = FreePort(SocketType.Dgram, ProtocolType.Udp), tcpPort = FreePort(SocketType.Stream, ProtocolType.Tcp);
        var spool = Path.Combine(Path.GetTempPath(), $"grokflow-bench-tcp-{Environment.ProcessId}");
        using var host = new HostProcess(
        [
            "--Datadog:ApiKey=bench", $"--Datadog:Url=http://127.0.0.1:{intake.Port}/",
            "--Sources:0:Bind=127.0.0.1", $"--Sources:0:Port={netflowPort}",
            "--Sources:1:Bind=127.0.0.1", $"--Sources:1:Port={tcpPort}", "--Sources:1:Protocol=tcp",
            $"--Spool:Directory={spool}", "--Summary:Interval=00:00:05", .. hostSettings,
        ]);
        try
        {
            WaitForHost(host);
            var payloads = Payloads();
            output.WriteLine($"grokflow bench tcp: {lines:N0} QNAP lines ({framing} framing) over {connections} connections to 127.0.0.1:{tcpPort}");
            var cpuBefore = host.CpuTime;
            var clock = Stopwatch.StartNew();
            var perConnection = lines / connections;
            var senders = Enumerable.Range(0, connections).Select(_ => Task.Run(() => Send(tcpPort, payloads, perConnection))).ToArray();
            Task.WaitAll(senders);
            var sent = senders.Sum(s => s.Result);
            var last = intake.Events;
            var lastMove = Stopwatch.StartNew();
            while (intake.Events < sent && lastMove.Elapsed < Stall && !host.HasExited)
            {
                Thread.Sleep(20);
                if (intake.Events != last) { last = intake.Events; lastMove.Restart(); }
            }
            var elapsed = clock.Elapsed;
            var result = new TcpLoadResult(sent, intake.Events, elapsed, (host.CpuTime - cpuBefore).TotalSeconds, host.PeakResidentBytes);
            output.WriteLine($"sent {result.Sent:N0}, delivered {result.Delivered:N0}, lost {result.Lost:N0} in {elapsed.TotalSeconds:0.00} s: {result.LinesPerSecond:N0} lines/s; host CPU {result.HostCpuSeconds:0.0} s, peak RSS {result.HostPeakResident / (1024 * 1024)} MiB");
            return result;
        }
        finally
        {
            var exited = host.HasExited;
            host.Stop();
            foreach (var line in host.Log.Where(l => exited || l.Contains("dropped:") || l.Contains("fail:") || l.Contains("crit:")).TakeLast(exited ? 30 : 3))
                output.WriteLine("  host: " + line);
            if (Directory.Exists(spool)) Directory.Delete(spool, recursive: true);
        }
    }

    /// <summary>A few 64 KiB chunks of whole framed lines, cycled by every connection.</summary>
    private List<(byte[] Bytes, int Lines)> Payloads()
    {
        var chunks = new List<(byte[], int)>();
        var buffer = new MemoryStream();
        var count = 0;
        foreach (var line in SyslogLoad.Datagrams(20_000, 1))
        {
            if (framing == "octet") buffer.Write(System.Text.Encoding.ASCII.GetBytes($"{line.Length} "));
            buffer.Write(line);
            if (framing != "octet") buffer.WriteByte((byte)'\n');
            count++;
            if (buffer.Length < 64 * 1024) continue;
            chunks.Add((buffer.ToArray(), count));
            buffer.SetLength(0);
            count = 0;
        }
        return chunks;
    }

    private static long Send(int port, List<(byte[] Bytes, int Lines)> payloads, long lines)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(IPAddress.Loopback, port);
        long sent = 0;
        for (var i = 0; sent < lines; i++)
        {
            var (bytes, count) = payloads[i % payloads.Count];
            socket.Send(bytes);
            sent += count;
        }
        socket.Shutdown(SocketShutdown.Send);
        return sent;
    }

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
