using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GrokFlow.Tests.TestSupport;

namespace GrokFlow.Tests.Host.Systemd;

/// <summary>
/// grokflow under systemd: the unit file passes <c>systemd-analyze verify</c>, and the process tells a (fake)
/// NOTIFY_SOCKET it is ready only once its sockets are bound, and that it is stopping on SIGTERM.
/// </summary>
public sealed class SystemdServiceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "grokflow-tests", "systemd-" + Guid.NewGuid().ToString("N"));

    public SystemdServiceTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task TheUnitFilePassesSystemdAnalyzeVerify()
    {
        // verify checks that ExecStart exists: point it at the built apphost instead of /opt/grokflow
        var unit = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "runtime", "deploy", "grokflow.service"), TestContext.Current.CancellationToken);
        Assert.Contains("Type=notify", unit);
        Assert.Contains("DynamicUser=yes", unit);
        // The receive threads' default priority is allowed without a capability.
        Assert.Contains($"LimitNICE={new GrokFlow.Runtime.Host.Options.SourceOptions().ReceiveThreadNice}\n", unit);
        var path = Path.Combine(_folder, "grokflow.service");
        await File.WriteAllTextAsync(path, unit.Replace("/opt/grokflow/grokflow", GrokflowAppHost), TestContext.Current.CancellationToken);
        var (exit, output) = await RunAsync("systemd-analyze", "verify", path);
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("grokflow.service:", output);   // no warnings about our unit's lines
    }

    [Fact]
    public async Task ReadinessIsNotifiedAfterTheSocketsAreBoundAndStoppingOnSigterm()
    {
        var socketPath = Path.Combine(_folder, "notify.sock");
        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(socketPath));
        var udpPort = FreePort(SocketType.Dgram, ProtocolType.Udp);
        var tcpPort = FreePort(SocketType.Stream, ProtocolType.Tcp);

        // Microsoft.Extensions.Hosting.Systemd takes the process for a service when its parent's name is "systemd": the
        // parent here is sh started through a link of that name; it prints grokflow's PID and waits for its exit code.
        var parent = Path.Combine(_folder, "systemd");
        File.CreateSymbolicLink(parent, "/bin/sh");
        var start = new ProcessStartInfo(parent) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[]
        {
            "-c", "\"$@\" & echo $!; wait $!", "sh", "dotnet", GrokflowDll, "run", "--output", Path.Combine(_folder, "events.jsonl"), "--Summary:Interval=00:00:00",
            "--Sources:0:Bind=127.0.0.1", $"--Sources:0:Port={udpPort}",
            "--Sources:1:Bind=127.0.0.1", $"--Sources:1:Port={tcpPort}", "--Sources:1:Protocol=tcp",
        }) start.ArgumentList.Add(arg);
        start.Environment["NOTIFY_SOCKET"] = socketPath;
        start.Environment.Remove("DD_API_KEY");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var grokflowPid = int.Parse((await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken))!);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        try
        {
            Assert.Equal("READY=1", await ReceiveAsync(notify, TimeSpan.FromSeconds(60)));
            using (var client = new TcpClient())
                await client.ConnectAsync(IPAddress.Loopback, tcpPort, TestContext.Current.CancellationToken);   // bound before READY=1

            using (var kill = Process.Start("kill", ["-TERM", grokflowPid.ToString()])!)
                await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal("STOPPING=1", await ReceiveAsync(notify, TimeSpan.FromSeconds(30)));
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(exit.Token);
            Assert.True(process.ExitCode == 0, await stderr);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        // under systemd the console log uses the journal's <N> level prefixes
        Assert.Contains("<6>", await stderr);
        await stdout;
    }

    private static async Task<string> ReceiveAsync(Socket socket, TimeSpan timeout)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        var buffer = new byte[4096];
        var length = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static int FreePort(SocketType type, ProtocolType protocol)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, type, protocol);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    private static string RuntimeBuild
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory);
            return Path.Combine(RepositoryPaths.Root, "runtime", "bin", framework.Parent!.Name, framework.Name);
        }
    }

    private static string GrokflowDll => Path.Combine(RuntimeBuild, "grokflow.dll");
    private static string GrokflowAppHost => Path.Combine(RuntimeBuild, "grokflow");

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
