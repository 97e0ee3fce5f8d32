using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace GrokFlow.Tests.Host;

/// <summary>
/// The real grokflow executable (built beside the tests) as a child process, so a test can kill it with SIGKILL the
/// way a crash, an OOM kill or a power cut would, and start it again.
/// </summary>
internal sealed partial class HostChildProcess : IDisposable
{
    private readonly Process _process;

    public HostChildProcess(IEnumerable<string> settings)
    {
        var directory = RuntimeOutput();
        var appHost = Path.Combine(directory, OperatingSystem.IsWindows() ? "grokflow.exe" : "grokflow");
        var start = File.Exists(appHost)
            ? new ProcessStartInfo(appHost)
            : new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { ArgumentList = { Path.Combine(directory, "grokflow.dll") } };
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.ArgumentList.Add("run");
        foreach (var setting in settings) start.ArgumentList.Add(setting);
        start.Environment.Remove("DD_API_KEY");
        _process = Process.Start(start) ?? throw new InvalidOperationException("cannot start grokflow");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Log.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public ConcurrentQueue<string> Log { get; } = new();

    // runtime/bin/<configuration>/<tfm>: the build of the runtime project the tests were built with (its own
    // deps.json and runtimeconfig.json; the copy beside the tests lacks the hosting assemblies).
    private static string RuntimeOutput()
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfm.Parent!.Name;
        return Path.Combine(TestSupport.RepositoryPaths.Root, "runtime", "bin", configuration, tfm.Name);
    }

    public bool HasExited => _process.HasExited;

    public string LogText => string.Join(Environment.NewLine, Log);

    /// <summary>The UDP endpoint the host logged for <paramref name="source"/> once it opened it.</summary>
    public async Task<IPEndPoint> EndpointAsync(string source, TimeSpan patience)
    {
        var pattern = new Regex($"Source {Regex.Escape(source)}: \\w+ on UDP (\\S+)");
        IPEndPoint? found = null;
        await TestIntake.TestIntakeServer.WaitUntilAsync(() =>
        {
            if (HasExited) Assert.Fail("grokflow exited at start: " + LogText);
            var match = Log.Select(l => pattern.Match(l)).FirstOrDefault(m => m.Success);
            if (match is not null) found = IPEndPoint.Parse(match.Groups[1].Value);
            return found is not null;
        }, patience, $"grokflow to open source {source}");
        return found!;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, and waits for the orderly stop.</summary>
    public async Task StopAsync(TimeSpan patience)
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill!.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(timeout.Token);
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
