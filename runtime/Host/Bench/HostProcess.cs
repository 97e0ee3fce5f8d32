using System.Diagnostics;

namespace GrokFlow.Runtime.Host.Bench;

/// <summary>The real grokflow host as a child process (so its memory is its own), and its peak resident set.</summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;

    public HostProcess(IEnumerable<string> settings)
    {
        var self = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(Environment.GetCommandLineArgs()[0]); // the grokflow.dll `dotnet` was given
        start.ArgumentList.Add("run");
        foreach (var setting in settings) start.ArgumentList.Add(setting);
        start.Environment.Remove("DD_API_KEY");
        _process = Process.Start(start) ?? throw new InvalidOperationException("cannot start the host");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Log.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public System.Collections.Concurrent.ConcurrentQueue<string> Log { get; } = new();

    private TimeSpan _lastCpu;

    public bool HasExited => _process.HasExited;

    /// <summary>Peak resident set (VmHWM) in bytes, from /proc.</summary>
    public long PeakResidentBytes => ReadStatus("VmHWM:");

    public long ResidentBytes => ReadStatus("VmRSS:");

    public TimeSpan CpuTime
    {
        get
        {
            if (_process.HasExited) return _lastCpu;
            _process.Refresh();
            return _lastCpu = _process.TotalProcessorTime;
        }
    }

    private long ReadStatus(string key)
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0]) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public void Stop()
    {
        if (_process.HasExited) return;
        Process.Start("kill", ["-TERM", _process.Id.ToString()])?.WaitForExit();
        if (!_process.WaitForExit(30_000)) _process.Kill();
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }
}
