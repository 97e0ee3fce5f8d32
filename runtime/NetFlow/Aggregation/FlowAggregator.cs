using System.Text.Json;
using GrokFlow.Engine.NetFlow;

namespace GrokFlow.Runtime.NetFlow.Aggregation;

/// <summary>
/// A flow event sink that merges flow events of the same key within a time window (aligned to the epoch) and writes
/// one event per key when the window closes: summed counters, earliest start, latest end, ORed TCP flags, the number
/// of flows merged and the window. Options records and events without counters pass straight through. Busy
/// ephemeral ports are rolled up to <c>*</c> and the window can be cut to its top N by bytes (the rest folded into
/// one event per exporter, so totals stay exact). Memory is bounded by <see cref="FlowAggregationOptions.MaxOpenKeys"/>.
/// Call <see cref="Advance"/> with the receive time before decoding each datagram, and <see cref="Flush"/> at the end.
/// Not thread-safe: one per collector.
/// </summary>
public sealed class FlowAggregator : IFlowEventSink
{
    private readonly FlowAggregationOptions _options;
    private readonly IFlowEventSink _output;
    private readonly FlowFieldMap _fields;
    private readonly long _windowMilliseconds;
    private readonly Dictionary<byte[], FlowAggregate> _open = new(ByteKeyComparer.Instance);
    private readonly Dictionary<byte[], FlowAggregate>.AlternateLookup<ReadOnlySpan<byte>> _openLookup;
    private readonly FlowJsonWriter _writer = new();
    private readonly AggregationCounters _counters = new();
    private readonly (int NameStart, int NameLength, int ValueStart, int ValueLength)[] _keySlots;
    private readonly bool _keyHasExporter;
    private byte[] _key = new byte[512];
    private long _now, _windowStart;
    private bool _windowOpen, _flushedEarly;

    public FlowAggregator(FlowAggregationOptions options, IFlowEventSink output)
    {
        if (!options.Enabled) throw new ArgumentException("aggregation needs a window", nameof(options));
        _options = options;
        _output = output;
        _fields = new FlowFieldMap(options.EffectiveKey);
        _windowMilliseconds = (long)options.Window.TotalMilliseconds;
        _openLookup = _open.GetAlternateLookup<ReadOnlySpan<byte>>();
        _keySlots = new (int, int, int, int)[_fields.KeyCount];
        _keyHasExporter = options.EffectiveKey.Any(k => k is "exporter" or "host");
    }

    public AggregationCounterSnapshot Counters => _counters.Snapshot(_open.Count);

    /// <summary>Sets the current time (a datagram's receive time); closes the window when it has passed.</summary>
    public void Advance(DateTimeOffset now)
    {
        _now = now.ToUnixTimeMilliseconds();
        if (_windowOpen && _now >= _windowStart + _windowMilliseconds) Flush();
    }

    /// <summary>Writes every open aggregate and closes the window (end of input, shutdown).</summary>
    public void Flush()
    {
        if (_open.Count > 0) EmitWindow(early: false);
        _windowOpen = false;
        _flushedEarly = false;
    }

    public void Write(ReadOnlySpan<byte> flowEventJson)
    {
        var reader = new Utf8JsonReader(flowEventJson);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            PassThrough(flowEventJson);
            return;
        }
        Span<ulong> counters = stackalloc ulong[FlowFieldMap.Counters.Length];
        Span<ulong> flags = stackalloc ulong[FlowFieldMap.Flags.Length];
        Span<Range> starts = stackalloc Range[FlowFieldMap.Starts.Length];
        Span<Range> ends = stackalloc Range[FlowFieldMap.Ends.Length];
        int countersSeen = 0, flagsSeen = 0, startsSeen = 0, endsSeen = 0;
        var exporter = default(Range);
        var options = false;
        _keySlots.AsSpan().Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var nameStart = (int)reader.TokenStartIndex + 1;
            var nameLength = reader.ValueSpan.Length;
            var known = _fields.TryGetRole(reader.ValueSpan, out var role);
            var isHost = reader.ValueTextEquals("host"u8);
            if (!reader.Read()) break;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }
            var value = new Range((int)reader.TokenStartIndex, (int)reader.BytesConsumed);
            if (isHost) exporter = value;
            if (!known) continue;
            switch (role.Kind)
            {
                case FlowFieldKind.Key:
                    _keySlots[role.Index] = (nameStart, nameLength, value.Start.Value, value.End.Value - value.Start.Value);
                    break;
                case FlowFieldKind.Counter when reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out var count):
                    counters[role.Index] = count;
                    countersSeen |= 1 << role.Index;
                    break;
                case FlowFieldKind.Flags when reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out var bits):
                    flags[role.Index] = bits;
                    flagsSeen |= 1 << role.Index;
                    break;
                case FlowFieldKind.Start:
                    starts[role.Index] = value;
                    startsSeen |= 1 << role.Index;
                    break;
                case FlowFieldKind.End:
                    ends[role.Index] = value;
                    endsSeen |= 1 << role.Index;
                    break;
                case FlowFieldKind.RecordType:
                    options = true;
                    break;
            }
        }
        if (options || countersSeen == 0)
        {
            PassThrough(flowEventJson);
            return;
        }
        var aggregate = Find(flowEventJson, flowEventJson[exporter]);
        aggregate.Flows++;
        for (var i = 0; i < counters.Length; i++) aggregate.Counters[i] += counters[i];
        aggregate.CountersSeen |= countersSeen;
        for (var i = 0; i < flags.Length; i++) aggregate.Flags[i] |= flags[i];
        aggregate.FlagsSeen |= flagsSeen;
        for (var i = 0; i < starts.Length; i++)
            if ((startsSeen & (1 << i)) != 0) FlowAggregate.KeepExtreme(ref aggregate.Starts[i], flowEventJson[starts[i]], earliest: true);
        for (var i = 0; i < ends.Length; i++)
            if ((endsSeen & (1 << i)) != 0) FlowAggregate.KeepExtreme(ref aggregate.Ends[i], flowEventJson[ends[i]], earliest: false);
        _counters.FlowsIn++;
    }

    private void PassThrough(ReadOnlySpan<byte> flowEventJson)
    {
        _counters.PassedThrough++;
        _output.Write(flowEventJson);
    }

    /// <summary>The open aggregate of this event's key (opening the window, or flushing early at the key cap, as needed).</summary>
    private FlowAggregate Find(ReadOnlySpan<byte> json, ReadOnlySpan<byte> exporter)
    {
        if (!_windowOpen)
        {
            _windowStart = FloorDiv(_now, _windowMilliseconds) * _windowMilliseconds;
            _windowOpen = true;
        }
        int length = 0, sourcePortAt = -1, destinationPortAt = -1;
        for (var i = 0; i < _keySlots.Length; i++)
        {
            var (nameStart, nameLength, valueStart, valueLength) = _keySlots[i];
            if (nameLength == 0) continue;
            EnsureKey(length + nameLength + valueLength + 4);
            _key[length++] = (byte)',';
            _key[length++] = (byte)'"';
            json.Slice(nameStart, nameLength).CopyTo(_key.AsSpan(length));
            length += nameLength;
            _key[length++] = (byte)'"';
            _key[length++] = (byte)':';
            if (i == _fields.SourcePortIndex) sourcePortAt = length;
            if (i == _fields.DestinationPortIndex) destinationPortAt = length;
            json.Slice(valueStart, valueLength).CopyTo(_key.AsSpan(length));
            length += valueLength;
        }
        var key = _key.AsSpan(0, length);
        if (_openLookup.TryGetValue(key, out var aggregate)) return aggregate;
        if (_open.Count >= _options.MaxOpenKeys)
        {
            _counters.EarlyFlushes++;
            EmitWindow(early: true);
            _flushedEarly = true;
        }
        aggregate = new FlowAggregate(key.ToArray(), exporter.ToArray(), sourcePortAt, destinationPortAt);
        _open.Add(aggregate.Key, aggregate);
        return aggregate;
    }

    private void EnsureKey(int length)
    {
        if (_key.Length < length) Array.Resize(ref _key, Math.Max(length, _key.Length * 2));
    }

    private void EmitWindow(bool early)
    {
        var aggregates = _options.PortRollupThreshold > 0 ? PortRollup.Apply(_open.Values, _options.PortRollupThreshold, _counters) : _open.Values.ToList();
        if (_options.TopN > 0 && aggregates.Count > _options.TopN)
        {
            aggregates.Sort((a, b) => b.Bytes.CompareTo(a.Bytes));
            var others = new Dictionary<byte[], FlowAggregate>(ByteKeyComparer.Instance);
            foreach (var rest in aggregates.Skip(_options.TopN))
            {
                // With the exporter in the key, each exporter gets its own remainder; without it, one remainder names none.
                var exporter = _keyHasExporter ? rest.Exporter : [];
                if (!others.TryGetValue(exporter, out var other))
                {
                    var key = exporter.Length == 0 ? [] : (byte[])[.. ",\"host\":"u8, .. exporter];
                    others.Add(exporter, other = new FlowAggregate(key, exporter, -1, -1));
                }
                other.Merge(rest);
                _counters.FoldedIntoOther++;
            }
            aggregates.RemoveRange(_options.TopN, aggregates.Count - _options.TopN);
            foreach (var other in others.Values) Emit(other, early, isOther: true);
        }
        foreach (var aggregate in aggregates) Emit(aggregate, early, isOther: false);
        _open.Clear();
    }

    private void Emit(FlowAggregate aggregate, bool early, bool isOther)
    {
        var w = _writer;
        w.Reset();
        w.Raw("{\"aggregation_window_start\":"u8);
        w.UtcMilliseconds(_windowStart);
        w.Raw(",\"aggregation_window_end\":"u8);
        w.UtcMilliseconds(_windowStart + _windowMilliseconds);
        w.Raw(",\"aggregation_window_seconds\":"u8);
        w.Int64(_windowMilliseconds / 1000);
        w.Raw(",\"flow_count\":"u8);
        w.Int64(aggregate.Flows);
        if (early || _flushedEarly) w.Raw(",\"aggregation_partial\":true"u8);
        if (isOther) w.Raw(",\"aggregation_other\":true"u8);
        w.Raw(aggregate.Key);
        for (var i = 0; i < aggregate.Counters.Length; i++)
            if ((aggregate.CountersSeen & (1 << i)) != 0) Member(FlowFieldMap.Counters[i]).UInt64(aggregate.Counters[i]);
        for (var i = 0; i < aggregate.Starts.Length; i++)
            if (aggregate.Starts[i] is { } start) Member(FlowFieldMap.Starts[i]).Raw(start);
        for (var i = 0; i < aggregate.Ends.Length; i++)
            if (aggregate.Ends[i] is { } end) Member(FlowFieldMap.Ends[i]).Raw(end);
        for (var i = 0; i < aggregate.Flags.Length; i++)
            if ((aggregate.FlagsSeen & (1 << i)) != 0) Member(FlowFieldMap.Flags[i]).UInt64(aggregate.Flags[i]);
        w.Byte((byte)'}');
        _counters.EventsOut++;
        _output.Write(w.Written);
    }

    private FlowJsonWriter Member(string name)
    {
        _writer.Raw(",\""u8);
        foreach (var c in name) _writer.Byte((byte)c);
        _writer.Raw("\":"u8);
        return _writer;
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
