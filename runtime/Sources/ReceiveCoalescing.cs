using System.Runtime.InteropServices;

namespace GrokFlow.Runtime.Sources;

/// <summary>
/// A short pause after a receive call that emptied the socket, so that the next call finds a full batch waiting
/// instead of waking the thread for every few datagrams (interrupt moderation, done by the receiver). Each wake-up
/// costs the host (and the sender's CPU, which wakes it) a few microseconds; at moderate rates that is a large share
/// of the cost of a datagram. The kernel's receive buffer holds what arrives meanwhile. Only with batched receives:
/// a pause after every single datagram would cap the rate.
/// </summary>
internal static partial class ReceiveCoalescing
{
    /// <summary>Waits <paramref name="pause"/> (a no-op when it is zero).</summary>
    public static void Pause(TimeSpan pause)
    {
        if (pause <= TimeSpan.Zero) return;
        var span = new TimeSpec { Seconds = (long)pause.TotalSeconds, Nanoseconds = pause.Ticks % TimeSpan.TicksPerSecond * 100 };
        // An interrupted pause (a signal) just ends early.
        if (OperatingSystem.IsLinux()) NanoSleep(in span, 0);
        else Thread.Sleep(pause);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "nanosleep")]
    private static partial int NanoSleep(in TimeSpec request, nint remaining);
}
