using System.Buffers.Binary;
using System.Diagnostics.Metrics;
using System.Net;
using GrokFlow.Engine.NetFlow;
using GrokFlow.Rules.NetFlow;

namespace GrokFlow.Runtime.NetFlow;

/// <summary>
/// Decodes NetFlow v5, v9 and IPFIX export datagrams into flow events (one JSON object per flow record, named and
/// formatted as fluent-plugin-netflow does). One instance per receiving socket or thread; not thread-safe, except
/// <see cref="Counters"/> which may be read from anywhere.
/// </summary>
public sealed partial class NetFlowCollector : IDisposable
{
    private readonly NetFlowCollectorOptions _options;
    private readonly INetFlowLayout _layout;
    private readonly TemplatePlanner _planner;
    private readonly FlowJsonWriter _writer = new();
    private readonly NetFlowCounters _counters = new();
    private readonly PendingDataBuffer _pending;
    private readonly Dictionary<UInt128, ExporterState> _exporters = new();
    private readonly Dictionary<StreamKey, StreamState> _streams = new();
    private readonly NetFlowMetrics _metrics;
    private readonly bool _v5, _v9, _ipfix;
    private readonly InterfaceNameTable _interfaces;
    private readonly Dictionary<UInt128, ulong> _samplingRates;
    private int _templatesCached;

    public NetFlowCollector(NetFlowCollectorOptions? options = null, INetFlowLayout? layout = null, IMeterFactory? meterFactory = null)
    {
        _options = options ?? new NetFlowCollectorOptions();
        _layout = layout ?? DefaultNetFlowLayout.Instance;
        _planner = new TemplatePlanner(_layout, _options.FluentStrict);
        _pending = new PendingDataBuffer(_options.PendingDataMaxAge, _options.PendingDataMaxBytes);
        _v5 = _options.EnabledVersions.Contains(5) && _layout.HasV5;
        _v9 = _options.EnabledVersions.Contains(9);
        _ipfix = _options.EnabledVersions.Contains(10);
        _metrics = new NetFlowMetrics(() => Counters, meterFactory);
        _interfaces = _options.Interfaces ?? new InterfaceNameTable();
        _samplingRates = _options.SamplingRates.ToDictionary(r => ExporterState.KeyOf(r.Key), r => r.Value);
    }

    /// <summary>The counts so far (datagrams, flows, drops by reason, sequence gaps...).</summary>
    public NetFlowCounterSnapshot Counters => _counters.Snapshot(Volatile.Read(ref _templatesCached), _pending.Count);

    /// <summary>
    /// Decodes one export datagram from <paramref name="exporter"/> and writes each flow event to
    /// <paramref name="sink"/>. Malformed input is counted as a drop with a reason; it never throws.
    /// </summary>
    public void Decode(ReadOnlySpan<byte> datagram, IPEndPoint exporter, DateTimeOffset receivedAt, IFlowEventSink sink)
    {
        _counters.Datagrams++;
        try
        {
            ExpirePending(receivedAt);
            if (datagram.Length < 2)
            {
                _counters.Drop(NetFlowDropReason.TruncatedHeader);
                return;
            }
            switch (BinaryPrimitives.ReadUInt16BigEndian(datagram))
            {
                case 5 when _v5: DecodeV5(datagram, exporter, sink); break;
                case 9 when _v9: DecodeV9(datagram, exporter, receivedAt, sink); break;
                case 10 when _ipfix: DecodeIpfix(datagram, exporter, receivedAt, sink); break;
                case 5 or 9 or 10: _counters.Drop(NetFlowDropReason.VersionDisabled); break;
                default: _counters.Drop(NetFlowDropReason.UnsupportedVersion); break;
            }
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or ArgumentException or InvalidOperationException)
        {
            _counters.Drop(NetFlowDropReason.DecoderFault);
        }
    }

    public void Dispose() => _metrics.Dispose();

    private void ExpirePending(DateTimeOffset now)
    {
        if (_pending.Count == 0) return;
        var expired = _pending.Expire(now);
        _counters.Drops[(int)NetFlowDropReason.NoTemplate] += expired;
    }

    /// <summary>The stream state for this exporter and domain, or null when <c>MaxDomains</c> is reached (counted).</summary>
    private StreamState? StreamFor(IPEndPoint exporter, in StreamKey key)
    {
        if (_streams.TryGetValue(key, out var stream)) return stream;
        if (_streams.Count >= _options.MaxDomains)
        {
            _counters.Drop(NetFlowDropReason.DomainLimit);
            return null;
        }
        if (!_exporters.TryGetValue(key.Address, out var state))
        {
            state = new ExporterState(exporter.Address, _samplingRates.TryGetValue(key.Address, out var rate) ? rate : null);
            _exporters.Add(key.Address, state);
        }
        stream = new StreamState(state);
        _streams.Add(key, stream);
        return stream;
    }

    private void CheckSequence(StreamState stream, uint sequence, uint next)
    {
        if (stream.HasSequence && stream.NextSequence != sequence) _counters.SequenceGaps++;
        stream.HasSequence = true;
        stream.NextSequence = next;
    }

    private void Emit(ExporterState exporter, IFlowEventSink sink)
    {
        _writer.Raw(exporter.HostTail);
        sink.Write(_writer.Written);
    }
}
