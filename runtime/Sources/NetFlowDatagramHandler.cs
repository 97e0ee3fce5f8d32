using System.Text.Json;
using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.NetFlow;
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
    private int _events;

    public NetFlowDatagramHandler(BatchBuilder builder, SourceFields fields, NetFlowCollector collector, HostMetrics metrics)
    {
        _builder = builder;
        _collector = collector;
        _metrics = metrics;
        _tail = Tail(fields);
    }

    public int Handle(ReadOnlySpan<byte> datagram, SenderInfo sender, DateTimeOffset receivedAt)
    {
        _events = 0;
        _collector.Decode(datagram, sender.EndPoint, receivedAt, this);
        return _events;
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

    public void Dispose() => _collector.Dispose();
}
