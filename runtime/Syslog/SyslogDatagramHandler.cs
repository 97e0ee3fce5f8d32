using GrokFlow.Engine.Output;
using GrokFlow.Engine.Pipelines;
using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Routing;
using GrokFlow.Runtime.Sink;
using GrokFlow.Runtime.Sources;

namespace GrokFlow.Runtime.Syslog;

/// <summary>
/// Turns a syslog datagram (one or more newline-separated lines) into events, one per line, written by
/// <see cref="SyslogEventWriter"/> into the batch. A line too big for one event has its message cut until it fits.
/// One per worker.
/// </summary>
internal sealed class SyslogDatagramHandler : IDatagramHandler
{
    private readonly BatchBuilder _builder;
    private readonly SyslogEventWriter _events;
    private readonly PipelineCounters[] _counters;
    private readonly HostMetrics _metrics;
    private readonly Utf8Repair _repair = new();
    private readonly ParseContext _context = new();

    public SyslogDatagramHandler(BatchBuilder builder, SourceFields fields, IReadOnlyList<PipelineRoute> routes, HostMetrics metrics)
    {
        _builder = builder;
        _metrics = metrics;
        _counters = routes.Select(r => metrics.Pipeline(r.Pipeline.Id)).ToArray();
        _events = new SyslogEventWriter(fields, routes, _context);
    }

    public int Handle(ReadOnlySpan<byte> datagram, SenderInfo sender, DateTimeOffset receivedAt)
    {
        // A date without a year (or a day) is placed near the time its line was received: the worker's one clock
        // reading per receive call, not a reading per date.
        using var receiveTime = _context.HoldClock(receivedAt);
        var events = 0;
        foreach (var rawLine in new DatagramLines(datagram))
        {
            var line = _repair.Repair(rawLine);
            var header = SyslogHeaderReader.Read(line);
            AppendLine(line, header, sender);
            events++;
        }
        if (events == 0) _metrics.Drop(DropReason.Malformed);
        return events;
    }

    private void AppendLine(ReadOnlySpan<byte> line, in SyslogHeader header, SenderInfo sender)
    {
        if (_events.TryWrite(_builder, line, header, sender.AddressUtf8, line.Length, out var size)) return;
        // Too big for one event: cut the message (at a character boundary) by what it overshot, until it fits.
        var limit = line.Length;
        for (var round = 0; round < 8; round++)
        {
            limit = Utf8Boundary(line, Math.Max(0, limit - (size - _builder.MaxEventBytes) - 64 * (round + 1)));
            if (_events.TryWrite(_builder, line, header, sender.AddressUtf8, limit, out size)) return;
        }
        _metrics.Drop(DropReason.Oversize);
    }

    public void PublishCounts()
    {
        var parsed = _events.Parsed;
        var unmatched = _events.Unmatched;
        for (var i = 0; i < _counters.Length; i++)
        {
            if (parsed[i] == 0 && unmatched[i] == 0) continue;
            _counters[i].Add(parsed[i], unmatched[i]);
            parsed[i] = unmatched[i] = 0;
        }
    }

    private static int Utf8Boundary(ReadOnlySpan<byte> line, int length)
    {
        while (length > 0 && length < line.Length && (line[length] & 0xC0) == 0x80) length--;
        return length;
    }

    public void Dispose() { }
}
