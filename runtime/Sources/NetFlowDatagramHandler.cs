using GrokFlow.Engine.Events;
using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.NetFlow;
using GrokFlow.Runtime.NetFlow.Aggregation;
using GrokFlow.Runtime.Sink;

namespace GrokFlow.Runtime.Sources;

/// <summary>
/// Decodes NetFlow/IPFIX datagrams with the collector and appends each flow event to the batch with the source's
/// source's ddsource/service/ddtags (written by the engine's event writer). One per worker (the collector keeps template state).
/// </summary>
internal sealed class NetFlowDatagramHandler : IDatagramHandler, IFlowEventSink
{
    private readonly BatchBuilder _builder;
    private readonly NetFlowCollector _collector;
    private readonly HostMetrics _metrics;
    private readonly EncodedFields _fields;
    private readonly FlowAggregator? _aggregator;
    private readonly ITimer? _windowTimer;
    private int _events;

    public NetFlowDatagramHandler(BatchBuilder builder, SourceFields fields, NetFlowCollector collector, HostMetrics metrics,
        FlowAggregationOptions? aggregation = null, TimeProvider? clock = null)
    {
        _builder = builder;
        _collector = collector;
        _metrics = metrics;
        _fields = new EncodedFields(fields.Source, fields.Service, fields.TagsUtf8);
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

    /// <summary>Writes the flow (one JSON object) as an event with the source's ddsource/service/ddtags.</summary>
    public void Write(ReadOnlySpan<byte> flowEventJson)
    {
        _builder.BeginEvent();
        if (!EventWriter.TryWrite(_builder, _fields, flowEventJson))
        {
            _builder.CancelEvent();
            _metrics.Drop(DropReason.Malformed);
            return;
        }
        if (!_builder.EndEvent(out _)) _metrics.Drop(DropReason.Oversize);
        else _events++;
    }

    public void Dispose()
    {
        _windowTimer?.Dispose();
        _collector.Dispose();
    }
}
