using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GrokFlow.Runtime.Host.Bench;

/// <summary>
/// Sends a load at a fixed event rate for a duration from several threads, each with several sockets (several
/// exporters / senders, so the host's SO_REUSEPORT workers all get traffic), in bursts of one sendmmsg call on Linux.
/// Every event carries the next number of one shared sequence, so the intake can count lost and duplicated events.
/// </summary>
internal sealed class LoadSender(IPEndPoint target, BenchLoad load, int threads, int socketsPerThread)
{
    private const int Burst = 32;
    private long _nextSequence;

    /// <summary>Events sent so far (numbers 0 .. Sent-1 have all been sent).</summary>
    public long Sent => Interlocked.Read(ref _nextSequence);

    /// <summary>Sends <paramref name="eventRate"/> events per second for <paramref name="duration"/>; returns the events sent.</summary>
    public long Send(double eventRate, TimeSpan duration)
    {
        var before = Sent;
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() => Run(eventRate / threads, duration)) { IsBackground = true, Name = $"bench sender {t}" }).ToArray();
        foreach (var worker in workers) worker.Start();
        foreach (var worker in workers) worker.Join();
        return Sent - before;
    }

    private void Run(double eventsPerSecond, TimeSpan duration)
    {
        var sockets = Enumerable.Range(0, socketsPerThread).Select(_ => Connect()).ToArray();
        var datagramSequence = new uint[sockets.Length];
        using var batch = new SendBatch(Burst);
        var perDatagram = load.EventsPerDatagram;
        var clock = Stopwatch.StartNew();
        long sentDatagrams = 0;
        var turn = 0;
        try
        {
            while (clock.Elapsed < duration)
            {
                var due = (long)(clock.Elapsed.TotalSeconds * eventsPerSecond / perDatagram);
                if (sentDatagrams >= due)
                {
                    Thread.Sleep(1);   // ahead of schedule: let the host have the CPU
                    continue;
                }
                var count = (int)Math.Min(Burst, due - sentDatagrams);
                var socketIndex = turn++ % sockets.Length;
                var first = Interlocked.Add(ref _nextSequence, (long)count * perDatagram) - (long)count * perDatagram;
                batch.Clear();
                for (var i = 0; i < count; i++)
                {
                    var sequence = first + (long)i * perDatagram;
                    var span = batch.Add(load.TemplateFor(sequence));
                    load.Stamp(span, sequence, datagramSequence[socketIndex]++);
                }
                batch.Send(sockets[socketIndex]);
                sentDatagrams += count;
            }
        }
        finally
        {
            foreach (var socket in sockets) socket.Dispose();
        }
    }

    private Socket Connect()
    {
        var socket = new Socket(target.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.SendBufferSize = 4 * 1024 * 1024;
        socket.Connect(target);
        return socket;
    }
}
