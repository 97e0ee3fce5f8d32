using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace GrokFlow.Runtime.Sources;

/// <summary>
/// The scheduling priority (Linux nice value, a per-thread attribute there) a source's receive threads ask for:
/// higher than the rest of the host by default. When the CPU is short, a receive thread kept waiting loses datagrams in
/// the kernel's buffer, counted by nothing but the kernel, while everything after it (compression, delivery) waits in
/// the host's bounded, counted queue. A refusal (a value below the process's needs CAP_SYS_NICE or an RLIMIT_NICE that
/// allows it, e.g. systemd's <c>LimitNICE=</c>) leaves the threads as they were and is logged once per source.
/// </summary>
internal sealed partial class ReceivePriority(int nice, string sourceName, ILogger logger)
{
    private const int PrioProcess = 0;
    private int _refusalLogged;

    /// <summary>Gives the calling thread the nice value (nothing to do for 0, or elsewhere than Linux).</summary>
    public void ApplyToCurrentThread()
    {
        if (nice == 0 || !OperatingSystem.IsLinux() || SetPriority(PrioProcess, GetThreadId(), nice) == 0) return;
        if (Interlocked.Exchange(ref _refusalLogged, 1) == 0)
            logger.LogInformation("Source {Name}: receive threads keep the process's priority; nice {Nice} needs CAP_SYS_NICE or LimitNICE={Nice} (set in deploy/grokflow.service)",
                sourceName, nice, nice);
    }

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
