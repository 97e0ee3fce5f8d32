using System.Text.Json;
using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.NetFlow;
using GrokFlow.Runtime.NetFlow.Aggregation;
using GrokFlow.Runtime.Sink;

namespace GrokFlow.Runtime.Sources;

/// <summary>
/// Decodes NetFlow/IPFIX datagrams with the collector and appends each flow event to the batch with the source's
/// ddsource/service/ddtags spliced in before its closing brace. One per worker (the collector keeps template state).
/// </summary>
internal sealed class NetFlowDatagramHandler : IDatagramHandler, IFlowEventSink
{
    private readonly BatchBuilder _builder;
    private readonly NetFlowCollector _collector;
    private readonly HostMetrics _metrics;
    private readonly byte[] _tail;
    private readonly FlowAggregator? _aggregator;
    private readonly ITimer? _windowTimer;
    private int _events;

    public NetFlowDatagramHandler(BatchBuilder builder, SourceFields fields, NetFlowCollector collector, HostMetrics metrics,
        FlowAggregationOptions? aggregation = null, TimeProvider? clock = null)
    {
        _builder = builder;
        _collector = collector;
        _metrics = metrics;
        _tail = Tail(fields);
        if (aggregation is { Enabled: true })
        {
            _aggregator = new FlowAggregator(aggregation, this);
            // Windows also close when no datagram arrives to close them.
            clock ??= TimeProvider.System;
            var tick = TimeSpan.FromTicks(Math.Clamp(aggregation.Window.Ticks / 10, TimeSpan.TicksPerMillisecond * 100, TimeSpan.TicksPerSecond * 5));
            _windowTimer = clock.CreateTimer(_ => CloseDueWindow(clock), null, tick, tick);
        }
    }

    public int Handle(ReadOnlySpan<byte> datagram, SenderInfo sender, DateTimeOffset receivedAt)
    {
        _events = 0;
        if (_aggregator is null)
        {
            _collector.Decode(datagram, sender.EndPoint, receivedAt, this);
            return _events;
        }
        _aggregator.Advance(receivedAt);
        _collector.Decode(datagram, sender.EndPoint, receivedAt, _aggregator);
        return _events;
    }

    private void CloseDueWindow(TimeProvider clock)
    {
        lock (_builder.Gate)
        {
            _events = 0;
            _aggregator!.Advance(clock.GetUtcNow());
            if (_events > 0) _metrics.Received(0, _events);
        }
    }

    /// <summary>Writes what the open aggregation window holds (on stop, before the builders are sealed).</summary>
    public void Drain()
    {
        if (_aggregator is null) return;
        _windowTimer?.Dispose();
        _events = 0;
        _aggregator.Flush();
        if (_events > 0) _metrics.Received(0, _events);
    }

    public void Write(ReadOnlySpan<byte> flowEventJson)
    {
        var end = flowEventJson.LastIndexOf((byte)'}');
        if (end < 1)
        {
            _metrics.Drop(DropReason.Malformed);
            return;
        }
        var head = flowEventJson[..end].TrimEnd(" \t\r\n"u8);
        var empty = head.Length == 1;   // "{}": no comma before the spliced fields
        if (!_builder.AppendEvent(head, empty ? _tail.AsSpan(1) : _tail)) _metrics.Drop(DropReason.Oversize);
        else _events++;
    }

    /// <summary><c>,"ddsource":"netflow","service":"x","ddtags":"a:b"}</c> (or just <c>}</c> with nothing configured).</summary>
    private static byte[] Tail(SourceFields fields)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            if (fields.Source.Length > 0) w.WriteString(SourceFields.SourceName, fields.Source);
            if (fields.Service.Length > 0) w.WriteString(SourceFields.ServiceName, fields.Service);
            if (fields.TagsUtf8.Length > 0) w.WriteString(SourceFields.TagsName, fields.TagsUtf8);
            w.WriteEndObject();
        }
        var json = buffer.ToArray();
        if (json.Length == 2) return "}"u8.ToArray();
        json[0] = (byte)',';
        return json;
    }

    public void Dispose()
    {
        _windowTimer?.Dispose();
        _collector.Dispose();
    }
}
